package io.voltstream.api.iot;

import io.javalin.http.Context;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.commands.dto.CommandAccepted;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.error.Problem;
import io.voltstream.api.iot.dto.DeviceRequest;
import io.voltstream.api.iot.dto.DeviceResponse;
import io.voltstream.api.iot.dto.DeviceSummaryResponse;
import io.voltstream.api.iot.dto.InstructionRequest;
import io.voltstream.api.registry.Names;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.Requests;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.DeviceType;
import io.voltstream.model.Room;
import io.voltstream.model.command.CommandStatus;
import io.voltstream.model.command.DeviceInstruction;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * IoT devices: the registry (admin writes; every role reads, as for batteries) with what each
 * device's meter last reported, a summary, and manual instructions (admin). Devices stand in rooms,
 * so a token sees and instructs the devices of the rooms it covers (a building grant covers its
 * rooms). IO only: validate, call {@link DeviceService} / {@link RegistryService}.
 */
public final class DeviceController implements ResourceRoutes {
  private static final String TAG = "IoT devices";
  private static final String LIST = "/api/v1/iot/devices";
  private static final String ITEM = LIST + "/{id}";
  static final long MAX_DURATION_S = 7 * 24 * 3600;

  private final RegistryService registry;
  private final DeviceService devices;
  private final ResourceScope scope;

  public DeviceController(RegistryService registry, DeviceService devices, ResourceScope scope) {
    this.registry = registry;
    this.devices = devices;
    this.scope = scope;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get(LIST, this::list)
        .anyRole()
        .tag(TAG)
        .summary("Devices with their state and metered power")
        .queryParam("building", String.class, false, "only devices of this building")
        .queryParam("room", String.class, false, "only devices in this room")
        .queryParam("type", String.class, false, "only devices of this type (hvac, ev_charger, …)")
        .response(200, DeviceResponse[].class, "the devices of the rooms the token covers")
        .response(400, Problem.class, "a filter is malformed (named)");
    routes
        .get(LIST + "/summary", this::summary)
        .anyRole()
        .tag(TAG)
        .summary("Device counts by state, type and room; controllable and curtailable power now")
        .response(200, DeviceSummaryResponse.class, "over the devices the token covers");
    routes
        .post(LIST, this::create)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Register a device")
        .body(DeviceRequest.class)
        .response(201, DeviceResponse.class, "created")
        .response(400, Problem.class, "an identifier breaks the id rule (named)")
        .response(409, Problem.class, "a device with this id exists")
        .response(
            422,
            Problem.class,
            "a field is missing or invalid, the room is unknown or in another building (named)");
    routes
        .get(ITEM, this::get)
        .anyRole()
        .tag(TAG)
        .summary("One device with its state and metered power")
        .pathParam("id", "device id")
        .response(200, DeviceResponse.class, "the device")
        .response(404, Problem.class, "no such device");
    routes
        .put(ITEM, this::update)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Replace a device's spec")
        .pathParam("id", "device id")
        .body(DeviceRequest.class)
        .response(200, DeviceResponse.class, "updated")
        .response(404, Problem.class, "no such device")
        .response(422, Problem.class, "a field is invalid (named)");
    routes
        .delete(ITEM, this::delete)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Remove a device from the registry (its meter sensor stays)")
        .pathParam("id", "device id")
        .response(204, "deleted")
        .response(404, Problem.class, "no such device");
    routes
        .post(ITEM + "/instructions", this::instruct)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Send a device an instruction: on, off or setpoint, optionally for duration_s")
        .pathParam("id", "device id")
        .body(InstructionRequest.class)
        .response(
            202,
            CommandAccepted.class,
            "published to Kafka commands; Location: /api/v1/commands/{id}")
        .response(404, Problem.class, "no such device (names id)")
        .response(
            422,
            Problem.class,
            "the device cannot do the action, or value/duration_s is out of range (named)");
  }

  void list(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    Predicate<DeviceSpec> filter = visibleTo(p);
    String building = ctx.queryParam("building");
    if (building != null) {
      Names.require("building", building);
      filter = filter.and(d -> d.building().equals(building));
    }
    String room = ctx.queryParam("room");
    if (room != null) {
      Names.require("room", room);
      filter = filter.and(d -> d.room().equals(room));
    }
    String type = ctx.queryParam("type");
    if (type != null) {
      DeviceType t = type(type);
      filter = filter.and(d -> d.type() == t);
    }
    ctx.json(devices.list(filter));
  }

  void summary(Context ctx) {
    ctx.json(devices.summary(visibleTo(AccessControl.principal(ctx))));
  }

  void create(Context ctx) {
    DeviceRequest req = Requests.body(ctx, DeviceRequest.class);
    Names.require("id", req.id());
    DeviceSpec spec = req.toSpec(req.id(), roomBuilding(req));
    scope.requireRoom(AccessControl.principal(ctx), spec.room());
    ctx.status(201).json(DeviceResponse.from(registry.createDevice(spec), "unknown", null, null));
  }

  void get(Context ctx) {
    ctx.json(devices.get(readable(ctx)));
  }

  void update(Context ctx) {
    DeviceSpec old = readable(ctx);
    DeviceRequest req = Requests.body(ctx, DeviceRequest.class);
    if (req.id() != null && !req.id().equals(old.id())) {
      throw ApiException.badRequest(
          "id in the body differs from the path",
          new FieldError("id", "must equal the path's '" + old.id() + "' or be omitted"));
    }
    DeviceSpec spec = req.toSpec(old.id(), roomBuilding(req));
    scope.requireRoom(AccessControl.principal(ctx), spec.room());
    registry.updateDevice(old.id(), spec);
    ctx.json(devices.get(spec));
  }

  void delete(Context ctx) {
    registry.deleteDevice(readable(ctx).id());
    ctx.status(204);
  }

  void instruct(Context ctx) {
    DeviceSpec device = readable(ctx);
    InstructionRequest req = Requests.body(ctx, InstructionRequest.class);
    device
        .refusal(req.action(), req.value())
        .ifPresent(
            e -> {
              throw DeviceRequest.invalid(e);
            });
    if (req.durationS() != null && (req.durationS() < 1 || req.durationS() > MAX_DURATION_S)) {
      throw ApiException.invalid(
          new FieldError("duration_s", "must be an integer in 1.." + MAX_DURATION_S + " [s]"));
    }
    DeviceInstruction.Action action =
        DeviceInstruction.Action.valueOf(req.action().trim().toUpperCase(Locale.ROOT));
    DeviceInstruction instruction =
        new DeviceInstruction(
            action,
            action == DeviceInstruction.Action.SETPOINT ? req.value() : null,
            req.durationS());
    CommandStatus s = devices.instruct(device, instruction, AccessControl.principal(ctx).subject());
    ctx.status(202)
        .header("Location", "/api/v1/commands/" + s.commandId())
        .json(new CommandAccepted(s.commandId(), "pending", s.validUntil()));
  }

  /** The device of the path: 400 bad id, 404 unknown (names id), 403 outside the token's rooms. */
  private DeviceSpec readable(Context ctx) {
    DeviceSpec d = registry.requireDevice(ctx.pathParam("id"));
    scope.requireRoom(AccessControl.principal(ctx), d.room());
    return d;
  }

  private Predicate<DeviceSpec> visibleTo(Principal p) {
    return d -> scope.coversRoom(p, d.room());
  }

  /** The building of the body's room (422 naming room when it is unknown). */
  private String roomBuilding(DeviceRequest req) {
    Names.require("room", req.room());
    Room room =
        registry
            .room(req.room())
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        new FieldError(
                            "room", "unknown room '" + req.room() + "'; create it first")));
    return RegistryService.buildingOf(room);
  }

  private static DeviceType type(String value) {
    return Arrays.stream(DeviceType.values())
        .filter(t -> t.name().equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "invalid type",
                    new FieldError(
                        "type",
                        "must be one of "
                            + Arrays.stream(DeviceType.values())
                                .map(t -> t.name().toLowerCase(Locale.ROOT))
                                .toList())));
  }
}

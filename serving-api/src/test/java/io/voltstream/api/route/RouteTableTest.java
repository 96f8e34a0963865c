package io.voltstream.api.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.api.auth.Role;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private final RouteTable table = new RouteTable();

  @Test
  void shouldRefuseARouteWithoutAnAccessRule() {
    table.get("/api/v1/forgotten", ctx -> {}).summary("no roles");

    assertThatThrownBy(table::specs)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GET /api/v1/forgotten")
        .hasMessageContaining(".roles(");
  }

  @Test
  void shouldRefuseTheSameRouteTwiceEvenWithOtherParameterNames() {
    table.get("/api/v1/rooms/{name}", ctx -> {}).anyRole();
    table.get("/api/v1/rooms/{id}", ctx -> {}).anyRole();

    assertThatThrownBy(table::specs).hasMessageContaining("registered twice");
  }

  @Test
  void shouldDocumentPathParametersEvenWhenNotDeclared() {
    table
        .put("/api/v1/sensors/{id}", ctx -> {})
        .roles(Role.ADMIN, Role.OPERATOR)
        .body(String.class);

    RouteSpec spec = table.specs().get(0);

    assertThat(spec.params()).extracting(RouteSpec.Param::name).containsExactly("id");
    assertThat(spec.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.OPERATOR);
    assertThat(spec.isJsonBodyRoute()).isTrue();
  }
}

// Voltstream dashboard, demand-response panel: the invitations from /api/v1/demand-response/invitations
// (admin and operator tokens; viewers get a note), kept live by the `dr` WebSocket stream
// (`kind: invitation` for sends/answers/cancels, `kind: execution` for the DR job's reports), with
// opt-in / opt-out / cancel buttons for admin tokens (the API checks the role).
(function () {
  'use strict';
  var tbody = document.getElementById('dr-invitations');
  var note = document.getElementById('dr-note');
  var token = '';
  var admin = false;

  var fmt = window.voltstream.fmt;
  var role = window.voltstream.role;
  function call(method, path, body) { return window.voltstream.call(token, method, path, body); }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '–';
  }

  function cell(id, field) {
    return tbody.querySelector('td[data-dr="' + CSS.escape(id) + '"][data-field="' + field + '"]');
  }

  function row(id) {
    var tr = tbody.querySelector('tr[data-dr="' + CSS.escape(id) + '"]');
    if (tr) { return tr; }
    tr = document.createElement('tr');
    tr.setAttribute('data-dr', id);
    ['window', 'building', 'status', 'answer', 'requested_kw', 'delivered_kw', 'benefit_eur'].forEach(function (f) {
      var c = document.createElement('td');
      c.setAttribute('data-dr', id);
      c.setAttribute('data-field', f);
      c.textContent = '–';
      tr.appendChild(c);
    });
    if (admin) { tr.appendChild(controls(id)); }
    tbody.insertBefore(tr, tbody.firstChild);
    return tr;
  }

  function controls(id) {
    var c = document.createElement('td');
    c.className = 'control';
    [['opt_in', 'opt in'], ['opt_out', 'opt out'], ['cancel', 'cancel']].forEach(function (a) {
      var button = document.createElement('button');
      button.textContent = a[1];
      button.setAttribute('data-dr-action', a[0]);
      button.addEventListener('click', function () {
        var path = '/api/v1/demand-response/invitations/' + encodeURIComponent(id);
        var done = a[0] === 'cancel' ? call('POST', path + '/cancel') : call('POST', path + '/answer', { answer: a[0] });
        done.then(showInvitation).catch(function (e) { cell(id, 'answer').textContent = e.message; });
      });
      c.appendChild(button);
    });
    return c;
  }

  // An invitation as GET answers it (or a `dr` message of kind invitation).
  function showInvitation(inv) {
    row(inv.id);
    cell(inv.id, 'window').textContent = time(inv.start) + ' – ' + (inv.end ? new Date(inv.end).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '');
    cell(inv.id, 'building').textContent = inv.building;
    cell(inv.id, 'status').textContent = inv.status;
    var answer = cell(inv.id, 'answer');
    answer.textContent = inv.answer;
    answer.title = inv.answer_reason || '';
    cell(inv.id, 'requested_kw').textContent = fmt(inv.requested_kw, 2);
    if (inv.delivered_kw !== null && inv.delivered_kw !== undefined) { cell(inv.id, 'delivered_kw').textContent = fmt(inv.delivered_kw, 2); }
    if (inv.benefit_eur !== null && inv.benefit_eur !== undefined) { cell(inv.id, 'benefit_eur').textContent = fmt(inv.benefit_eur, 2); }
  }

  // The DR job's report (a `dr` message of kind execution).
  function showExecution(x) {
    if (!cell(x.event_id, 'status')) { return; }
    if (x.status) { cell(x.event_id, 'status').textContent = x.status; }
    cell(x.event_id, 'delivered_kw').textContent = fmt(x.delivered_kw, 2);
    cell(x.event_id, 'benefit_eur').textContent = fmt(x.benefit_eur, 2);
  }

  function load() {
    admin = role(token) === 'admin';
    document.getElementById('dr-control-head').hidden = !admin;
    return call('GET', '/api/v1/demand-response/invitations').then(function (list) {
      note.textContent = list.length ? '' : 'no invitations yet';
      list.forEach(showInvitation);
    }).catch(function (e) {
      note.textContent = e.status === 403 ? 'demand response needs an operator or admin token' : 'demand response: ' + e.message;
    });
  }

  document.addEventListener('voltstream:start', function (ev) {
    token = ev.detail.token;
    load();
  });

  document.addEventListener('voltstream:message', function (ev) {
    var msg = ev.detail;
    if (msg.type !== 'dr') { return; }
    if (msg.kind === 'invitation') {
      note.textContent = '';
      showInvitation(msg);
    } else if (msg.kind === 'execution') {
      showExecution(msg);
    }
  });
}());

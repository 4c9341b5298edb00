// Conveyor's dashboard: the pages work without this script; with it, they follow the API's own live streams
// (Server-Sent Events) and send the action buttons to the native API. No build step, no dependencies.
(function () {
  "use strict";
  var terminal = { completed: true, failed: true, cancelled: true };

  function flash(text, link) {
    var box = document.getElementById("flash");
    if (!box) return;
    box.textContent = text;
    if (link) {
      var a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.text;
      box.appendChild(document.createTextNode(" "));
      box.appendChild(a);
    }
  }

  function setStatus(scope, status) {
    scope.querySelectorAll("[data-field=status]").forEach(function (el) {
      el.textContent = status;
      el.className = "status status-" + status;
    });
  }

  // Action buttons: each form names the API call; the answer is told in the status line.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-api]")) return;
    event.preventDefault();
    var button = form.querySelector("button");
    if (button) button.disabled = true;
    var options = { method: form.getAttribute("data-api"), credentials: "same-origin", headers: { "Accept": "application/json" } };
    var body = form.getAttribute("data-body");
    if (body || options.method === "POST") {
      options.headers["Content-Type"] = "application/json";
      options.body = body || "{}";
    }
    fetch(form.action, options)
      .then(function (response) { return response.json().then(function (json) { return { ok: response.ok, json: json }; }); })
      .then(function (answer) {
        var json = answer.json;
        if (!answer.ok) flash("Refused: " + (json.error || "the API said no"));
        else if (json.retried_from) flash("Retried as a new job:", { href: "/dashboard/jobs/" + json.id, text: json.id });
        else if (typeof json.retried === "number") flash("Retried " + json.retried + " jobs.");
        else flash(form.getAttribute("data-done") || "Done.");
      })
      .catch(function () { flash("The API did not answer."); })
      .then(function () { if (button) button.disabled = false; });
  });

  // Job tables: statuses move as the stream reports them; the first page gains newly submitted jobs that fit its filters.
  var table = document.querySelector("table[data-live-jobs]");
  var tiles = document.querySelector("[data-live-counts]");
  if ((table || tiles) && window.EventSource) {
    var all = new EventSource("/api/v1/events");
    var refresh = null;
    var onChange = function (event) {
      var change = JSON.parse(event.data);
      if (table) updateRow(table, change);
      if (tiles && !refresh) refresh = setTimeout(function () { refresh = null; refreshCounts(tiles); }, 500);
    };
    all.addEventListener("status", onChange);
    all.addEventListener("state", onChange);
  }

  function updateRow(table, change) {
    var row = table.querySelector("tr[data-job-id=\"" + change.job_id + "\"]");
    if (row) {
      setStatus(row, change.status);
      if (change.executor_id) row.querySelector("[data-field=executor]").textContent = change.executor_id;
      return;
    }
    if (change.event === "submitted" && table.hasAttribute("data-live-insert")) insertRow(table, change.job_id);
  }

  function insertRow(table, id) {
    fetch("/api/v1/jobs/" + id, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (job) {
        if (!job || table.querySelector("tr[data-job-id=\"" + id + "\"]")) return;
        var want = function (name, value) { var f = table.getAttribute("data-filter-" + name); return !f || f === value; };
        if (!want("status", job.status) || !want("type", job.type) || !want("priority", job.priority)) return;
        var row = document.createElement("tr");
        row.setAttribute("data-job-id", job.id);
        var cells = [null, job.type, null, job.priority, job.executor_id || "", job.created_at.replace("T", " ").replace(/\..*|Z$/, "")];
        cells.forEach(function (text, i) {
          var td = document.createElement("td");
          if (i === 0) {
            var a = document.createElement("a");
            a.href = "/dashboard/jobs/" + job.id;
            var code = document.createElement("code");
            code.textContent = job.id.substring(0, 8);
            a.appendChild(code);
            td.appendChild(a);
          } else if (i === 2) {
            var span = document.createElement("span");
            span.setAttribute("data-field", "status");
            td.appendChild(span);
          } else {
            td.textContent = text;
            if (i === 4) td.setAttribute("data-field", "executor");
          }
          row.appendChild(td);
        });
        setStatus(row, job.status);
        var body = table.tBodies[0];
        var empty = body.querySelector("tr.empty");
        if (empty) empty.remove();
        body.insertBefore(row, body.firstChild);
        var size = parseInt(table.getAttribute("data-page-size") || "50", 10);
        while (body.rows.length > size) body.deleteRow(body.rows.length - 1);
      });
  }

  function refreshCounts(tiles) {
    fetch("/dashboard/counts", { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (counts) {
        if (!counts) return;
        Object.keys(counts).forEach(function (status) {
          var el = tiles.querySelector("[data-count=\"" + status + "\"]");
          if (el) el.textContent = counts[status].toLocaleString("en-US");
        });
      });
  }

  // A job's page: status and actions follow the job; its output is tailed while it runs, then read whole.
  var detail = document.querySelector("[data-job-detail]");
  if (detail && window.EventSource) {
    var id = detail.getAttribute("data-job-detail");
    var stream = new EventSource("/api/v1/jobs/" + id + "/events");
    var onStatus = function (event) {
      var change = JSON.parse(event.data);
      setStatus(detail, change.status);
      if (change.executor_id) detail.querySelector("[data-field=executor]").textContent = change.executor_id;
      detail.querySelectorAll("[data-when]").forEach(function (el) {
        el.hidden = el.getAttribute("data-when").split(" ").indexOf(change.status) < 0;
      });
      if (terminal[change.status]) {
        stream.close();
        readWhole(detail, id);
      }
    };
    stream.addEventListener("status", onStatus);
    stream.addEventListener("state", onStatus);
    stream.addEventListener("log", function (event) {
      var log = JSON.parse(event.data);
      var pre = document.getElementById(log.stream === "stderr" ? "stderr" : "stdout");
      if (!pre) return;
      var follow = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
      pre.appendChild(document.createTextNode(log.lines.join("\n") + "\n"));
      if (follow) pre.scrollTop = pre.scrollHeight;
    });
  }

  // The attempts as the API has them once the job ended, in the same words the server writes.
  function renderAttempts(attempts) {
    var list = document.querySelector("ol.timeline");
    if (!list || attempts.length === 0) return;
    var time = function (at) { return at ? at.replace("T", " ").replace(/\..*|Z$/, "") : "–"; };
    list.textContent = "";
    attempts.forEach(function (a) {
      var li = document.createElement("li");
      var strong = document.createElement("strong");
      strong.textContent = "Attempt " + a.number;
      var status = document.createElement("span");
      status.className = "status status-" + a.status;
      status.textContent = a.status;
      li.appendChild(strong);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(status);
      li.appendChild(document.createTextNode(" on " + (a.executor_id || "–") + " from " + time(a.started_at) + " to " + time(a.ended_at)
        + (a.exit_code === null || a.exit_code === undefined ? "" : ", exit code " + a.exit_code) + (a.error ? ": " + a.error : "")));
      list.appendChild(li);
    });
  }

  function readWhole(detail, id) {
    fetch("/api/v1/jobs/" + id, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (job) {
        if (!job) return;
        document.getElementById("stdout").textContent = job.stdout || "";
        document.getElementById("stderr").textContent = job.stderr || "";
        detail.querySelector("[data-field=exit-code]").textContent = job.exit_code === null || job.exit_code === undefined ? "–" : job.exit_code;
        detail.querySelector("[data-field=error]").textContent = job.error || "";
        detail.querySelector("[data-field=completed]").textContent = job.completed_at ? job.completed_at.replace("T", " ").replace(/\..*|Z$/, "") : "–";
        renderAttempts(job.attempts || []);
      });
  }
})();

// The job page. Loads the job, its trials, leaderboard and importance over the REST API, then
// follows the job's event stream (GET /api/v1/jobs/{id}/events): "job" events refresh the
// header, leaderboard and importance; "trial" events update the trials, charts and curves.
(() => {
  const jobId = queryParam("id");
  const FINAL = new Set(["COMPLETED", "FAILED", "PRUNED", "CANCELLED"]);
  const BEST_CURVES = 5;
  const s = { job: null, trials: new Map(), leaderboard: [], curves: new Map(), picked: new Set(), completed: -1 };
  const pending = {};

  // runs fn once, ms from now, however often it is asked for meanwhile
  function later(key, fn, ms = 300) {
    if (pending[key]) return;
    pending[key] = setTimeout(() => { delete pending[key]; fn().catch(showError); }, ms);
  }

  function showError(e) {
    document.getElementById("error").textContent = e.message;
  }

  const leaderboard = new PagedTable(document.getElementById("leaderboard"), [
    { key: "rank", label: "rank", num: true },
    { key: "trialNumber", label: "trial", num: true },
    { key: "value", label: "value", num: true },
    // several objectives: every objective's value and the Pareto rank; DL4J trials: what the network costs
    { key: "values", label: "objectives", sort: (r) => (r.values || []).join(","), render: (r) => (r.values ? r.values.map((v) => fmt.value(v)).join(" · ") : "–") },
    { key: "paretoRank", label: "front", num: true, render: (r) => (r.paretoRank === undefined || r.paretoRank === null ? "–" : (r.feasible === false ? "infeasible" : String(r.paretoRank))) },
    { key: "cost", label: "size · latency", sort: (r) => (r.cost ? r.cost.parameters : -1), render: (r) => (r.cost ? `${fmt.value(r.cost.parameters)} params · ${fmt.value(r.cost.inference_ms)} ms` : "–") },
    { key: "params", label: "parameters", sort: (r) => fmt.params(r.params), render: (r) => el("span", { class: "params" }, fmt.params(r.params)) },
    { key: "epochs", label: "epochs", num: true },
    { key: "bestEpoch", label: "best epoch", num: true },
    { key: "durationMs", label: "duration", num: true, render: (r) => fmt.duration(r.durationMs) },
  ], { pageSize: 10, rowKey: (r) => r.trialNumber, onRowClick: (r) => showTrial(r.trialNumber) });

  const trialsTable = new PagedTable(document.getElementById("trials"), [
    { key: "number", label: "trial", num: true },
    { key: "state", label: "state", render: (t) => stateBadge(t.state) },
    { key: "value", label: "value", num: true },
    { key: "epochsTrained", label: "epochs", num: true },
    { key: "params", label: "parameters", sort: (t) => fmt.params(t.params), render: (t) => el("span", { class: "params" }, fmt.params(t.params)) },
    { key: "failureReason", label: "failure", render: (t) => t.failureReason || "" },
  ], { pageSize: 15, rowKey: (t) => t.number, initialSort: { key: "number", dir: -1 }, onRowClick: (t) => showTrial(t.number) });

  function fact(label, value) {
    return el("div", {}, el("dt", {}, label), el("dd", {}, value));
  }

  function renderHeader() {
    const j = s.job;
    document.title = "Anneal · " + j.name;
    document.getElementById("title").textContent = `Job ${j.id}: ${j.name}`;
    document.getElementById("state").replaceChildren(stateBadge(j.state));
    const t = j.trials;
    const done = t.completed + t.failed + t.pruned + t.cancelled;
    const dataset = j.dataset ? el("a", { href: "/datasets.html?name=" + encodeURIComponent(j.dataset) }, j.dataset) : "external";
    document.getElementById("facts").replaceChildren(
      fact("progress", `${done}/${j.maxTrials} finished · ${t.running} running · ${t.queued} queued`),
      fact("best", j.best ? `${fmt.value(j.best.value)} (trial ${j.best.trialNumber})` : "–"),
      fact("objective", `${j.objective.metric} (${j.objective.direction.toLowerCase()})`),
      fact("algorithm", `${j.algorithm} · seed ${j.seed}`),
      fact("model", modelFact(j)),
      fact("dataset", dataset),
      fact("created", fmt.time(j.createdAt)),
      fact("finished", fmt.time(j.finishedAt)));
    document.getElementById("reason").textContent = j.stateReason || "";
  }

  // the model family, and once a trial completed, downloads of the best trial's model (and a GAN's rows)
  function modelFact(j) {
    const family = j.spec.model ? j.spec.model.type : (j.execution === "external" ? "external" : "mlp");
    if (!j.best || j.execution === "external") return family;
    const button = (id, label, path) => {
      const b = el("button", { id, type: "button", class: "link" }, label);
      b.addEventListener("click", () => annealApi.download(path).catch(showError));
      return b;
    };
    const parts = [family + " · ", button("download-model", "best model", `/api/v1/jobs/${jobId}/best-model`)];
    if (family === "gan" || j.task === "language_model") {
      parts.push(" · ", button("download-samples", "samples", `/api/v1/jobs/${jobId}/best-samples`));
    }
    if (isImageGan(j)) parts.push(" · ", button("download-samples-png", "samples PNG", `/api/v1/jobs/${jobId}/best-samples.png`));
    return el("span", {}, ...parts);
  }

  // a trial's place in its life: later states and more epochs win over what an older read said
  const progress = (t) => (FINAL.has(t.state) ? 2 : t.state === "RUNNING" ? 1 : 0) * 1e6 + t.epochsTrained;

  function mergeTrial(t) {
    const known = s.trials.get(t.number);
    if (!known || progress(t) >= progress(known)) s.trials.set(t.number, t);
  }

  function renderTrials() {
    const trials = [...s.trials.values()];
    trialsTable.setRows(trials);
    jobCharts.history("history", trials, s.job.objective);
    jobCharts.parallel("parallel", trials, s.job.spec.searchSpace, s.job.objective);
  }

  async function loadLeaderboard() {
    s.leaderboard = await annealApi.get(`/api/v1/jobs/${jobId}/leaderboard?limit=1000`);
    leaderboard.setRows(s.leaderboard);
    renderPareto();
    await loadSamplesPicture();
    await loadCurves();
  }

  const isImageGan = (j) => j.spec.model && j.spec.model.type === "gan" && !!j.spec.model.input;

  // an image GAN's best generator draws: 100 of its images, fetched again only when the best trial changes
  /** Jobs with several objectives: the front among all completed trials (leaderboard rows carry the values). */
  function renderPareto() {
    const objectives = (s.job && s.job.spec && s.job.spec.objectives) || [];
    const card = document.getElementById("pareto-card");
    card.hidden = objectives.length < 2;
    if (card.hidden) return;
    const front = s.leaderboard.filter((r) => r.paretoRank === 0 && r.feasible !== false).length;
    document.getElementById("pareto-hint").textContent =
      `${front} trial(s) on the front of ${s.leaderboard.length} completed; click a point to open its trial.`;
    jobCharts.pareto("pareto", s.leaderboard, objectives, (number) => showTrial(number));
  }

  async function loadSamplesPicture() {
    const j = s.job;
    if (!isImageGan(j) || !j.best || s.pictured === j.best.trialNumber) return;
    const url = await annealApi.pictureUrl(`/api/v1/jobs/${jobId}/best-samples.png?count=100`);
    const img = document.getElementById("samples-picture");
    if (img.src) URL.revokeObjectURL(img.src);
    img.onload = () => { img.style.width = img.naturalWidth * 2 + "px"; };
    img.src = url;
    s.pictured = j.best.trialNumber;
    const input = j.spec.model.input;
    document.getElementById("samples-hint").textContent =
      `100 of the 1000 images trial ${j.best.trialNumber}'s generator drew (${input.channels}×${input.height}×${input.width}), ` +
      "shown twice their size.";
    document.getElementById("samples").hidden = false;
  }

  async function loadImportance() {
    const answer = await annealApi.get(`/api/v1/jobs/${jobId}/importance`);
    document.getElementById("importance-method").textContent = `${answer.method}, over ${answer.trials} completed trials`;
    jobCharts.importance("importance", answer);
  }

  function chosenCurves() {
    const best = s.leaderboard.slice(0, BEST_CURVES).map((r) => r.trialNumber);
    return [...new Set([...best, ...s.picked])];
  }

  async function loadCurves() {
    const metric = s.job.objective.metric;
    const position = s.job.execution === "external" ? "step" : "epoch";
    for (const n of chosenCurves()) {
      const cached = s.curves.get(n);
      const trial = s.trials.get(n);
      if (cached && cached.final && trial && FINAL.has(trial.state)) continue;
      const detail = await annealApi.get(`/api/v1/jobs/${jobId}/trials/${n}`);
      s.curves.set(n, {
        final: FINAL.has(detail.state),
        points: (detail.metrics || []).filter((m) => m[metric] !== undefined).map((m) => [m[position], m[metric]]),
      });
    }
    jobCharts.curves("curves", chosenCurves().map((n) => ({ number: n, points: (s.curves.get(n) || { points: [] }).points })), metric, position);
  }

  // a language model's texts drawn from its best trial's model, loaded again when the best trial changes
  async function loadTextSamples() {
    const j = s.job;
    if (j.task !== "language_model" || !j.best || s.samplesOf === j.best.trialNumber) return;
    s.samplesOf = j.best.trialNumber;
    const lines = (await annealApi.text(`/api/v1/jobs/${jobId}/best-samples`)).split("\n").filter((l) => l !== "");
    document.getElementById("text-samples-card").hidden = false;
    document.getElementById("text-samples-trial").textContent = `trial ${j.best.trialNumber}`;
    document.getElementById("text-samples").replaceChildren(...lines.slice(1).map((t) => el("li", {}, t)));
  }

  async function loadAll() {
    s.job = await annealApi.get(`/api/v1/jobs/${jobId}`);
    renderHeader();
    loadTextSamples().catch(showError);
    (await annealApi.all(`/api/v1/jobs/${jobId}/trials`)).forEach(mergeTrial);
    renderTrials();
    await loadLeaderboard();
    await loadImportance();
    s.completed = s.job.trials.completed;
  }

  async function showTrial(number) {
    const t = await annealApi.get(`/api/v1/jobs/${jobId}/trials/${number}`);
    s.picked.add(number);
    later("curves", loadCurves, 0);
    const metricKeys = [...new Set((t.metrics || []).flatMap((m) => Object.keys(m)))].filter((k) => k !== "recordedAt");
    const panel = document.getElementById("trial-detail");
    panel.hidden = false;
    panel.replaceChildren(...[
      el("h2", {}, `Trial ${t.number} `, stateBadge(t.state)),
      el("dl", { class: "facts" },
        fact("value", fmt.value(t.value)),
        t.values ? fact("objectives", t.values.map((v) => fmt.value(v)).join(" · ")) : null,
        t.constraints ? fact("constraints", t.constraints.map((v) => fmt.value(v)).join(" · ") + (t.feasible ? " (feasible)" : " (infeasible)")) : null,
        t.cost ? fact("cost", Object.entries(t.cost).map(([k, v]) => `${k} ${fmt.value(v)}`).join(" · ")) : null,
        fact("best epoch", t.bestEpoch ?? "–"), fact("epochs", t.epochsTrained),
        fact("attempt", t.attempt), fact(t.clientId ? "client" : "worker", t.clientId || t.workerId || "–"),
        fact("started", fmt.time(t.startedAt)), fact("duration", fmt.duration(t.durationMs))),
      t.failureReason ? el("pre", { class: "reason" }, t.failureReason) : null,
      el("h2", { style: "margin-top:1rem" }, "Parameters"),
      el("table", { class: "trial-params" }, el("tbody", {}, Object.entries(t.params).map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, fmt.value(v)))))),
      el("h2", { style: "margin-top:1rem" }, "Metrics"),
      el("table", { class: "trial-metrics" },
        el("thead", {}, el("tr", {}, metricKeys.map((k) => el("th", {}, k)))),
        el("tbody", {}, (t.metrics || []).map((m) => el("tr", {}, metricKeys.map((k) => el("td", { class: "num" }, fmt.value(m[k])))))))]
      .filter((child) => child !== null));
    panel.scrollIntoView({ behavior: "smooth" });
  }

  function follow() {
    const live = document.getElementById("live");
    const stream = annealApi.events(`/api/v1/jobs/${jobId}/events`);
    // a proxy that holds back event streams must not leave the page empty
    setTimeout(() => { if (!s.job) loadAll().catch(showError); }, 5000);
    // every (re)connect reloads: changes made while disconnected are not replayed
    stream.addEventListener("open", () => { live.textContent = "live"; live.classList.add("on"); loadAll().catch(showError); });
    stream.addEventListener("error", () => { live.textContent = "reconnecting…"; live.classList.remove("on"); });
    stream.addEventListener("job", (e) => {
      s.job = JSON.parse(e.data);
      renderHeader();
      if (s.job.trials.completed !== s.completed) {
        s.completed = s.job.trials.completed;
        later("leaderboard", loadLeaderboard);
        later("importance", loadImportance, 1000);
        later("samples", loadTextSamples, 500);
      }
      if (FINAL.has(s.job.state) && s.job.trials.running === 0 && s.job.trials.queued === 0) {
        stream.close();
        live.textContent = "finished";
        live.classList.remove("on");
      }
    });
    stream.addEventListener("trial", (e) => {
      const t = JSON.parse(e.data);
      mergeTrial(t);
      if (s.job) later("trials", async () => renderTrials(), 200);
      if (s.job && chosenCurves().includes(t.number)) later("curves", loadCurves, 500);
    });
  }

  if (!jobId) {
    showError(new Error("no job id: open this page as /job.html?id=<job id>"));
    return;
  }
  follow();
})();

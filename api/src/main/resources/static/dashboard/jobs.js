// The jobs list: state, progress, best value and creation time of every job, newest first.
(() => {
  const PAGE_SIZE = 20;
  const container = document.getElementById("jobs");
  let page = 0;

  function progress(job) {
    const t = job.trials;
    const done = t.completed + t.failed + t.pruned + t.cancelled;
    const share = Math.min(100, Math.round((100 * done) / job.maxTrials));
    return el("span", {}, el("span", { class: "progress" }, el("span", { style: `width:${share}%` })),
      ` ${done}/${job.maxTrials}` + (t.running ? ` (${t.running} running)` : ""));
  }

  function render(answer) {
    const rows = answer.items.map((job) => el("tr", { "data-job": job.id },
      el("td", { class: "num" }, job.id),
      el("td", {}, el("a", { href: "/job.html?id=" + job.id }, job.name)),
      el("td", {}, stateBadge(job.state)),
      el("td", {}, progress(job)),
      el("td", { class: "num" }, job.best ? fmt.value(job.best.value) : "–"),
      el("td", {}, job.objective.metric + " (" + job.objective.direction + ")"),
      el("td", {}, job.algorithm),
      el("td", {}, fmt.time(job.createdAt))));
    const head = el("tr", {}, ["id", "name", "state", "progress", "best", "objective", "algorithm", "created"]
      .map((h) => el("th", {}, h)));
    const pager = el("div", { class: "pager" },
      el("button", { type: "button", onclick: () => { page--; load(); } }, "‹ Newer"),
      el("span", {}, `page ${answer.page + 1} of ${Math.max(1, answer.totalPages)} · ${answer.totalItems} jobs`),
      el("button", { type: "button", onclick: () => { page++; load(); } }, "Older ›"));
    pager.children[0].disabled = page === 0;
    pager.children[2].disabled = page + 1 >= answer.totalPages;
    container.replaceChildren(el("table", { id: "jobs-table" }, el("thead", {}, head), el("tbody", {}, rows)), pager);
  }

  async function load() {
    try {
      render(await annealApi.get(`/api/v1/jobs?page=${page}&size=${PAGE_SIZE}`));
      document.getElementById("error").textContent = "";
    } catch (e) {
      document.getElementById("error").textContent = "Could not load jobs: " + e.message;
    }
  }

  load();
  setInterval(load, 5000);
})();

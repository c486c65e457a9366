// Datasets: the list, or with ?id= (or ?name=) one dataset's profile: columns, types, missing counts.
(async () => {
  const error = document.getElementById("error");

  function fact(label, value) {
    return el("div", {}, el("dt", {}, label), el("dd", {}, value));
  }

  function summary(c) {
    if (c.type === "numeric") {
      return `min ${fmt.value(c.min)} · max ${fmt.value(c.max)} · mean ${fmt.value(c.mean)} · std ${fmt.value(c.std)}`;
    }
    return (c.topValues || []).map((v) => `${v.value} (${v.count})`).join(", ");
  }

  async function showList() {
    const datasets = await annealApi.all("/api/v1/datasets");
    const rows = datasets.map((d) => el("tr", {},
      el("td", {}, el("a", { href: "/datasets.html?id=" + d.id }, d.name)),
      el("td", { class: "num" }, d.rows), el("td", { class: "num" }, d.columns),
      el("td", {}, d.builtin ? "built-in" : d.originalFilename || ""), el("td", {}, fmt.time(d.createdAt))));
    document.getElementById("datasets").replaceChildren(el("table", {},
      el("thead", {}, el("tr", {}, ["name", "rows", "columns", "source", "added"].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows)));
  }

  async function showProfile(id) {
    const d = await annealApi.get("/api/v1/datasets/" + id);
    document.title = "Anneal · " + d.name;
    document.getElementById("title").textContent = "Dataset " + d.name;
    document.getElementById("list-card").hidden = true;
    document.getElementById("profile-card").hidden = false;
    document.getElementById("facts").replaceChildren(fact("rows", d.rows), fact("columns", d.columns),
      fact("source", d.builtin ? "built-in sample" : d.originalFilename || "upload"), fact("sha-256", d.sha256.slice(0, 16) + "…"),
      fact("added", fmt.time(d.createdAt)));
    const rows = d.profile.columns.map((c) => el("tr", {},
      el("td", {}, c.name), el("td", {}, c.type), el("td", { class: "num" }, c.missing),
      el("td", { class: "num" }, c.distinct + (c.distinctCapped ? "+" : "")), el("td", { class: "params" }, summary(c))));
    document.getElementById("columns").replaceChildren(el("table", { id: "columns-table" },
      el("thead", {}, el("tr", {}, ["column", "type", "missing", "distinct", "values"].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows)));
  }

  try {
    const id = queryParam("id");
    const name = queryParam("name");
    if (id) {
      await showProfile(id);
    } else if (name) {
      const match = (await annealApi.all("/api/v1/datasets")).find((d) => d.name === name);
      if (!match) throw new Error("no dataset is named " + name);
      await showProfile(match.id);
    } else {
      await showList();
    }
  } catch (e) {
    error.textContent = e.message;
  }
})();

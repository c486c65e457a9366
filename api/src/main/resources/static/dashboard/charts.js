// The job page's charts (Apache ECharts). Each function takes what it draws and nothing else.
const jobCharts = (() => {
  const instances = {};

  // no animations: live pages redraw often, and a chart caught mid-animation misleads
  function chart(id) {
    if (!instances[id]) {
      instances[id] = echarts.init(document.getElementById(id), null, { renderer: "canvas" });
      window.addEventListener("resize", () => instances[id].resize());
    }
    return instances[id];
  }

  // the API spells the direction in lower case ("maximize"); compare without caring
  const maximizes = (objective) => objective.direction.toUpperCase() === "MAXIMIZE";
  const better = (objective) => (maximizes(objective) ? (a, b) => a > b : (a, b) => a < b);

  /** Objective of each completed trial by number, and the best value so far. */
  function history(id, trials, objective) {
    const done = trials.filter((t) => t.state === "COMPLETED").sort((a, b) => a.number - b.number);
    const isBetter = better(objective);
    let best = null;
    const bestLine = done.map((t) => {
      if (best === null || isBetter(t.value, best)) best = t.value;
      return [t.number, best];
    });
    chart(id).setOption({
      animation: false,
      tooltip: { trigger: "item" },
      legend: { data: ["objective", "best so far"] },
      xAxis: { type: "value", name: "trial", minInterval: 1 },
      yAxis: { type: "value", name: objective.metric, scale: true },
      series: [
        { name: "objective", type: "scatter", data: done.map((t) => [t.number, t.value]), symbolSize: 8 },
        { name: "best so far", type: "line", data: bestLine, showSymbol: false },
      ],
    }, true);
  }

  /** One axis per searched parameter plus the objective; one line per completed trial. */
  function parallel(id, trials, searchSpace, objective) {
    const names = Object.keys(searchSpace).filter((n) => typeof searchSpace[n] === "object" && searchSpace[n] !== null);
    const axes = names.map((name, dim) => {
      const d = searchSpace[name];
      if (d.type === "categorical") return { dim, name, type: "category", data: d.values.map(String) };
      return { dim, name, type: d.log ? "log" : "value", min: d.min, max: d.max };
    });
    axes.push({ dim: names.length, name: objective.metric, type: "value", scale: true, nameTextStyle: { fontWeight: "bold" } });
    const done = trials.filter((t) => t.state === "COMPLETED");
    const values = done.map((t) => t.value);
    chart(id).setOption({
      animation: false,
      parallelAxis: axes,
      parallel: { left: 40, right: 90, bottom: 30, top: 40 },
      visualMap: values.length ? {
        type: "continuous", dimension: names.length, min: Math.min(...values), max: Math.max(...values),
        inRange: { color: maximizes(objective) ? ["#c6d4ee", "#2f6fde"] : ["#2f6fde", "#c6d4ee"] },
        right: 0, top: "middle", calculable: false, itemHeight: 120,
      } : undefined,
      series: [{
        type: "parallel", lineStyle: { width: 1.5, opacity: 0.7 },
        data: done.map((t) => [...names.map((n) => (searchSpace[n].type === "categorical" ? String(t.params[n]) : t.params[n])), t.value]),
      }],
    }, true);
  }

  /** The objective metric per epoch (or step) of the chosen trials. curves: [{number, points: [{x, y}]}]. */
  function curves(id, curves, metric, position) {
    chart(id).setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", data: curves.map((c) => "trial " + c.number) },
      xAxis: { type: "value", name: position, minInterval: 1 },
      yAxis: { type: "value", name: metric, scale: true },
      // short curves (a few epochs, or the steps an external client reported) need their points shown
      series: curves.map((c) => ({ name: "trial " + c.number, type: "line", showSymbol: c.points.length <= 30, data: c.points })),
    }, true);
  }

  /** Importance per parameter as horizontal bars, most important on top. */
  function importance(id, answer) {
    const entries = [...answer.parameters].reverse();
    const empty = entries.length === 0;
    chart(id).setOption({
      animation: false,
      title: empty ? { text: `Needs ${answer.minTrials} completed trials (has ${answer.trials})`, left: "center", top: "middle",
        textStyle: { fontSize: 13, fontWeight: "normal", color: "#5d6778" } } : undefined,
      grid: { left: 110, right: 50 },
      xAxis: { type: "value", max: 1, name: "importance", nameLocation: "middle", nameGap: 28 },
      yAxis: { type: "category", data: entries.map((e) => e.name) },
      series: [{ type: "bar", data: entries.map((e) => +e.importance.toFixed(3)), label: { show: true, position: "right" } }],
    }, true);
  }

  /**
   * The trade-off of a job with several objectives: every completed trial (leaderboard rows with
   * values), the Pareto front highlighted, infeasible trials grey; one scatter per pair of
   * objectives (a single plot for two). A click on a point calls onPick with its trial number.
   */
  function pareto(id, rows, objectives, onPick) {
    const k = objectives.length;
    const pairs = [];
    for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) pairs.push([a, b]);
    const columns = Math.min(pairs.length, 3);
    const width = 100 / columns;
    const height = 100 / Math.ceil(pairs.length / columns);
    const groups = [
      { name: "Pareto front", color: "#d9480f", symbolSize: 11, keep: (r) => r.paretoRank === 0 && r.feasible !== false },
      { name: "feasible", color: "#4c6ef5", symbolSize: 7, keep: (r) => r.paretoRank !== 0 && r.feasible !== false },
      { name: "infeasible", color: "#adb5bd", symbolSize: 6, keep: (r) => r.feasible === false },
    ];
    const done = rows.filter((r) => Array.isArray(r.values) && r.values.length === k);
    const chartOf = chart(id);
    chartOf.setOption({
      animation: false,
      tooltip: { trigger: "item", formatter: (p) => `trial ${p.data[2]}<br>` + objectives.map((o, i) => `${o.metric}: ${(+p.data[3][i]).toPrecision(5)}`).join("<br>") },
      legend: { data: groups.map((g) => g.name) },
      grid: pairs.map((_, i) => ({
        left: `${(i % columns) * width + 7}%`, width: `${width - 11}%`,
        top: `${Math.floor(i / columns) * height + 12}%`, height: `${height - 22}%`,
      })),
      xAxis: pairs.map(([a], i) => ({ gridIndex: i, type: "value", scale: true, name: objectives[a].metric, nameLocation: "middle", nameGap: 25 })),
      yAxis: pairs.map(([, b], i) => ({ gridIndex: i, type: "value", scale: true, name: objectives[b].metric })),
      series: pairs.flatMap(([a, b], i) => groups.map((g) => ({
        name: g.name, type: "scatter", xAxisIndex: i, yAxisIndex: i, symbolSize: g.symbolSize, itemStyle: { color: g.color },
        data: done.filter(g.keep).map((r) => [r.values[a], r.values[b], r.trialNumber, r.values]),
      }))),
    }, true);
    chartOf.off("click");
    chartOf.on("click", (p) => onPick(p.data[2]));
  }

  return { history, parallel, curves, importance, pareto };
})();

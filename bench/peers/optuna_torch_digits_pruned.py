#!/usr/bin/python3
"""Time to a good model, the peer half: ../../../shared/bench/peers/optuna_torch_digits.py (Optuna TPE
driving PyTorch MLPs on digits, the study of reference.md section 5) with a pruner, reporting every
finished trial as it finishes, so that the seconds until a trial first reaches --target can be read.

Needs Debian's packages (apt-get install python3-optuna python3-torch python3-sklearn); run with the
Debian interpreter:

  /usr/bin/python3 optuna_torch_digits_pruned.py --data ../../../shared/datasets/digits.csv \
      --trials 100 --seed 0 --parallel 2 --target 0.98

Protocol as in the shared script (64 pixel features, 10 classes, 20% stratified holdout with
random_state=seed, z-score fitted on the training split, 2 hidden ReLU layers of `units` with
dropout, Adam with L2 `weightDecay`, 20 epochs, a trial's value = its best epoch's validation
accuracy, `parallel` trials in flight with one torch intra-op thread each). Added: after every
epoch the trial reports that epoch's validation accuracy and asks the pruner, Optuna's
SuccessiveHalvingPruner with min_resource 1 and reduction_factor 3 (Anneal's `asha` defaults:
minEpochs 1, reductionFactor 3) unless --pruner none. With --target, the study stops once a
completed trial's value reaches it (trials in flight finish; none start).

Prints one JSON line per finished trial, in the order they finish:
  {"trial", "state": "COMPLETE"|"PRUNED", "seconds", "duration", "value", "epochs"}
(seconds: since the study's clock started; duration: the trial's own, from the objective's first line
to its end; a pruned trial's value is its last reported one), then
one summary line: {"seed", "trials", "seconds", "best", "target", "targetSeconds", "targetTrial"}
(targetSeconds: when the first completed trial with value >= target finished; null if none did)."""
import argparse
import json
import os
import threading
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--trials", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--parallel", type=int, default=2)
    ap.add_argument("--pruner", choices=["sh", "none"], default="sh")
    ap.add_argument("--min-resource", type=int, default=1)
    ap.add_argument("--reduction-factor", type=int, default=3)
    ap.add_argument("--target", type=float, default=None)
    a = ap.parse_args()
    import numpy as np
    import optuna
    import torch
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler
    torch.set_num_threads(1)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    data = np.loadtxt(a.data, delimiter=",", skiprows=1)
    x, y = data[:, :-1].astype(np.float32), data[:, -1].astype(np.int64)
    xt, xv, yt, yv = train_test_split(x, y, test_size=0.2, stratify=y, random_state=a.seed)
    sc = StandardScaler().fit(xt)
    xt, xv = torch.tensor(sc.transform(xt), dtype=torch.float32), torch.tensor(sc.transform(xv), dtype=torch.float32)
    yt, yv = torch.tensor(yt), torch.tensor(yv)
    clock = {"t0": None}

    def objective(trial):
        start = time.time()
        lr = trial.suggest_float("learningRate", 1e-4, 1e-1, log=True)
        bs = trial.suggest_categorical("batchSize", [32, 64, 128])
        units = trial.suggest_int("units", 16, 256, log=True)
        dropout = trial.suggest_float("dropout", 0.0, 0.5)
        wd = trial.suggest_float("weightDecay", 1e-6, 1e-2, log=True)
        torch.manual_seed(trial.number)
        net = torch.nn.Sequential(torch.nn.Linear(64, units), torch.nn.ReLU(), torch.nn.Dropout(dropout),
                                  torch.nn.Linear(units, units), torch.nn.ReLU(), torch.nn.Dropout(dropout),
                                  torch.nn.Linear(units, 10))
        opt = torch.optim.Adam(net.parameters(), lr=lr, weight_decay=wd)
        lossf = torch.nn.CrossEntropyLoss()
        best = 0.0
        for epoch in range(1, 21):
            net.train()
            perm = torch.randperm(len(xt))
            for i in range(0, len(xt), bs):
                idx = perm[i:i + bs]
                opt.zero_grad()
                lossf(net(xt[idx]), yt[idx]).backward()
                opt.step()
            net.eval()
            with torch.no_grad():
                acc = (net(xv).argmax(1) == yv).float().mean().item()
            best = max(best, acc)
            trial.report(acc, epoch)
            if epoch < 20 and trial.should_prune():
                # when it ended and how long it took, read by the callback (which runs after Optuna's
                # bookkeeping)
                trial.set_user_attr("seconds", time.time() - clock["t0"])
                trial.set_user_attr("duration", time.time() - start)
                raise optuna.TrialPruned()
        trial.set_user_attr("seconds", time.time() - clock["t0"])
        trial.set_user_attr("duration", time.time() - start)
        return best

    lock = threading.Lock()
    reached = []

    def report(study, frozen):
        state = frozen.state.name
        if state not in ("COMPLETE", "PRUNED"):
            return
        steps = frozen.intermediate_values
        value = frozen.value if state == "COMPLETE" else steps[max(steps)]
        seconds = frozen.user_attrs.get("seconds")
        with lock:
            print(json.dumps({"trial": frozen.number, "state": state, "seconds": round(seconds, 3),
                              "duration": round(frozen.user_attrs.get("duration"), 3), "value": round(value, 4),
                              "epochs": len(steps)}), flush=True)
            if state == "COMPLETE" and a.target is not None and value >= a.target:
                reached.append((seconds, frozen.number))
                study.stop()

    pruner = (optuna.pruners.SuccessiveHalvingPruner(min_resource=a.min_resource, reduction_factor=a.reduction_factor)
              if a.pruner == "sh" else optuna.pruners.NopPruner())
    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=a.seed), pruner=pruner)
    clock["t0"] = time.time()
    study.optimize(objective, n_trials=a.trials, n_jobs=a.parallel, callbacks=[report])
    seconds = time.time() - clock["t0"]
    completed = [t for t in study.trials if t.state.name == "COMPLETE"]
    first = min(reached) if reached else None
    print(json.dumps({"seed": a.seed, "trials": len(study.trials), "seconds": round(seconds, 2),
                      "best": round(max(t.value for t in completed), 4) if completed else None,
                      "target": a.target, "targetSeconds": round(first[0], 2) if first else None,
                      "targetTrial": first[1] if first else None}))


if __name__ == "__main__":
    main()

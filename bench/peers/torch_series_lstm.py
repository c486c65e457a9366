#!/usr/bin/python3
"""The peer of `anneal-bench series-lstm`: one series-LSTM trial in PyTorch on the windows Anneal
prepared (train.csv and validation.csv in --windows: each line is a window's steps x features in
time order, then the standardized next value). LSTM(features -> 32) over 24 steps, its last step
-> Linear(32 -> 1), MSE, Adam 0.01, batch 32, shuffled each epoch, validation after every epoch
(as a worker does), float32, one intra-op thread. Seconds are the whole trial after loading.

  /usr/bin/python3 torch_series_lstm.py --windows DIR --steps 24 --features 1 --epochs 30

Prints one JSON line: {"seconds", "val_rmse"} (val_rmse on the standardized target)."""
import argparse
import json
import os
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--windows", required=True)
    ap.add_argument("--steps", type=int, default=24)
    ap.add_argument("--features", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=30)
    a = ap.parse_args()
    import numpy as np
    import torch
    torch.set_num_threads(1)
    torch.manual_seed(0)

    def load(name):
        raw = np.loadtxt(os.path.join(a.windows, name), delimiter=",", dtype=np.float32, ndmin=2)
        x = torch.tensor(raw[:, :-1]).reshape(-1, a.steps, a.features)
        return x, torch.tensor(raw[:, -1:])

    xtr, ytr = load("train.csv")
    xva, yva = load("validation.csv")
    lstm = torch.nn.LSTM(a.features, 32, batch_first=True)
    head = torch.nn.Linear(32, 1)
    opt = torch.optim.Adam(list(lstm.parameters()) + list(head.parameters()), lr=0.01)
    loss_fn = torch.nn.MSELoss()
    n = len(xtr)
    best = float("inf")
    start = time.perf_counter()
    for _ in range(a.epochs):
        order = torch.randperm(n)
        for i in range(0, n, 32):
            rows = order[i:i + 32]
            opt.zero_grad()
            out, _ = lstm(xtr[rows])
            loss = loss_fn(head(out[:, -1, :]), ytr[rows])
            loss.backward()
            opt.step()
        with torch.no_grad():
            out, _ = lstm(xva)
            best = min(best, loss_fn(head(out[:, -1, :]), yva).item() ** 0.5)
    print(json.dumps({"seconds": round(time.perf_counter() - start, 3), "val_rmse": round(best, 5)}), flush=True)


if __name__ == "__main__":
    main()

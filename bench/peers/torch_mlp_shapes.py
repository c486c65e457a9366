#!/usr/bin/python3
"""The peer half of `anneal-bench mlp-shapes`: PyTorch's training throughput for the digits MLP
(64 -> width -> width -> 10, ReLU, Adam 1e-3, float32) at each width and batch size, one intra-op
thread, on the same 80% stratified split (random_state 0, z-scored on the training rows) that
Anneal trains on. Per shape: `epochs` epochs of shuffled mini-batches (the last one partial); the
rate is training rows / the median duration of epochs 3.. (no validation inside the timing).

  /usr/bin/python3 torch_mlp_shapes.py --data digits.csv --shapes 16@32,64@64,256@128 --epochs 8

Prints one JSON line per shape: {"width", "batch", "samples_per_s"}."""
import argparse
import json
import os
import statistics
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--shapes", default="16@32,16@128,64@32,64@128,256@32,256@128")
    ap.add_argument("--epochs", type=int, default=8)
    a = ap.parse_args()
    import numpy as np
    import torch
    from sklearn.model_selection import train_test_split
    torch.set_num_threads(1)
    raw = np.genfromtxt(a.data, delimiter=",", skip_header=1, dtype=np.float32)
    x, y = raw[:, :-1], raw[:, -1].astype(np.int64)
    xtr, _, ytr, _ = train_test_split(x, y, test_size=0.2, stratify=y, random_state=0)
    mean, std = xtr.mean(0), xtr.std(0)
    std[std == 0] = 1
    xtr = torch.tensor((xtr - mean) / std)
    ytr = torch.tensor(ytr)
    n = len(xtr)
    for shape in a.shapes.split(","):
        width, batch = (int(v) for v in shape.split("@"))
        torch.manual_seed(0)
        net = torch.nn.Sequential(
            torch.nn.Linear(x.shape[1], width), torch.nn.ReLU(),
            torch.nn.Linear(width, width), torch.nn.ReLU(),
            torch.nn.Linear(width, 10))
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        loss_fn = torch.nn.CrossEntropyLoss()
        durations = []
        for epoch in range(a.epochs):
            start = time.perf_counter()
            order = torch.randperm(n)
            for i in range(0, n, batch):
                rows = order[i:i + batch]
                opt.zero_grad()
                loss = loss_fn(net(xtr[rows]), ytr[rows])
                loss.backward()
                opt.step()
            durations.append(time.perf_counter() - start)
        rate = n / statistics.median(durations[2:])
        print(json.dumps({"width": width, "batch": batch, "samples_per_s": round(rate, 1)}), flush=True)


if __name__ == "__main__":
    main()

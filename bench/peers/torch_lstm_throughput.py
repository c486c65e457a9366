#!/usr/bin/python3
"""The peer of `anneal-bench training --models lstm`, run beside it: PyTorch's training throughput
for the reference LSTM (64 units over 50 steps of 8 features, last step -> dense 10, softmax
cross-entropy, Adam 1e-3, batch 32, float32) on 1,024 random sequences, at 1 or 2 intra-op
threads. Rate = 1,024 rows / the median epoch of `epochs` after 2 warm-up epochs.

  /usr/bin/python3 torch_lstm_throughput.py --threads 1 --epochs 8

Prints one JSON line: {"threads", "samples_per_s"}."""
import argparse
import json
import statistics
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=8)
    a = ap.parse_args()
    import torch
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    n, steps, features, units, batch = 1024, 50, 8, 64, 32
    x = torch.randn(n, steps, features)
    y = torch.randint(0, 10, (n,))
    lstm = torch.nn.LSTM(features, units, batch_first=True)
    head = torch.nn.Linear(units, 10)
    opt = torch.optim.Adam(list(lstm.parameters()) + list(head.parameters()), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    durations = []
    for epoch in range(a.epochs + 2):
        start = time.perf_counter()
        order = torch.randperm(n)
        for i in range(0, n, batch):
            rows = order[i:i + batch]
            opt.zero_grad()
            out, _ = lstm(x[rows])
            loss = loss_fn(head(out[:, -1, :]), y[rows])
            loss.backward()
            opt.step()
        durations.append(time.perf_counter() - start)
    print(json.dumps({"threads": a.threads, "samples_per_s": round(n / statistics.median(durations[2:]), 1)}))


if __name__ == "__main__":
    main()

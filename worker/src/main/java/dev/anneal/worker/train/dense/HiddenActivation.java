package dev.anneal.worker.train.dense;

import java.util.Optional;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * The hidden-layer activations of the dense path, defined as DL4J defines them (GELU is its
 * sigmoid approximation {@code x * sigmoid(1.702 x)}), so a network trains the same either way;
 * {@code DenseStackTest} checks each against DL4J's own forward pass and gradient. Each constant
 * has its own loops so the JIT compiles a tight loop per function.
 */
enum HiddenActivation {
    RELU {
        @Override
        void forward(float[] z, float[] a, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                a[i] = Math.max(z[i], 0f);
            }
        }

        @Override
        void backward(float[] z, float[] a, float[] g, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                g[i] = z[i] > 0f ? g[i] : 0f;
            }
        }
    },
    LEAKYRELU {
        @Override
        void forward(float[] z, float[] a, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                a[i] = z[i] > 0f ? z[i] : alpha * z[i];
            }
        }

        @Override
        void backward(float[] z, float[] a, float[] g, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                g[i] = z[i] > 0f ? g[i] : alpha * g[i];
            }
        }
    },
    ELU {
        @Override
        void forward(float[] z, float[] a, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                a[i] = z[i] > 0f ? z[i] : alpha * (float) Math.expm1(z[i]);
            }
        }

        @Override
        void backward(float[] z, float[] a, float[] g, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                g[i] = z[i] > 0f ? g[i] : g[i] * (a[i] + alpha);
            }
        }
    },
    SELU {
        private static final float SCALE = 1.0507009873554804934193349852946f;
        private static final float ALPHA = 1.6732632423543772848170429916717f;

        @Override
        void forward(float[] z, float[] a, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                a[i] = z[i] > 0f ? SCALE * z[i] : SCALE * ALPHA * (float) Math.expm1(z[i]);
            }
        }

        @Override
        void backward(float[] z, float[] a, float[] g, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                g[i] = z[i] > 0f ? SCALE * g[i] : g[i] * (a[i] + SCALE * ALPHA);
            }
        }
    },
    GELU {
        @Override
        void forward(float[] z, float[] a, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                a[i] = z[i] * sigmoid(1.702f * z[i]);
            }
        }

        @Override
        void backward(float[] z, float[] a, float[] g, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                float s = sigmoid(1.702f * z[i]);
                g[i] *= s + 1.702f * z[i] * s * (1f - s);
            }
        }
    },
    SWISH {
        @Override
        void forward(float[] z, float[] a, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                a[i] = z[i] * sigmoid(z[i]);
            }
        }

        @Override
        void backward(float[] z, float[] a, float[] g, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                float s = sigmoid(z[i]);
                g[i] *= s + z[i] * s * (1f - s);
            }
        }
    },
    TANH {
        @Override
        void forward(float[] z, float[] a, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                // tanh through one exp: Math.tanh costs several times as much
                a[i] = 1f - 2f / ((float) Math.exp(2.0 * z[i]) + 1f);
            }
        }

        @Override
        void backward(float[] z, float[] a, float[] g, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                g[i] *= 1f - a[i] * a[i];
            }
        }
    },
    SIGMOID {
        @Override
        void forward(float[] z, float[] a, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                a[i] = sigmoid(z[i]);
            }
        }

        @Override
        void backward(float[] z, float[] a, float[] g, int n, float alpha) {
            for (int i = 0; i < n; i++) {
                g[i] *= a[i] * (1f - a[i]);
            }
        }
    };

    /** {@code a[i] = f(z[i])} for {@code i < n}; {@code alpha} is the slope or scale of leaky ReLU and ELU. */
    abstract void forward(float[] z, float[] a, int n, float alpha);

    /** {@code g[i] *= f'(z[i])} in place, given the forward pass's {@code z} and {@code a}. */
    abstract void backward(float[] z, float[] a, float[] g, int n, float alpha);

    static float sigmoid(float x) {
        return 1f / (1f + (float) Math.exp(-x));
    }

    /** The function and its parameter, or empty if the dense path does not know it. */
    static Optional<Configured> of(IActivation fn) {
        if (fn instanceof ActivationReLU relu) {
            boolean plain = relu.getMax() == null
                    && (relu.getThreshold() == null || relu.getThreshold() == 0)
                    && (relu.getNegativeSlope() == null || relu.getNegativeSlope() == 0);
            return plain ? Optional.of(new Configured(RELU, 0f)) : Optional.empty();
        }
        if (fn instanceof ActivationLReLU leaky) {
            return Optional.of(new Configured(LEAKYRELU, (float) leaky.getAlpha()));
        }
        if (fn instanceof ActivationELU elu) {
            return Optional.of(new Configured(ELU, (float) elu.getAlpha()));
        }
        if (fn instanceof ActivationGELU gelu) {
            return gelu.isPrecise() ? Optional.empty() : Optional.of(new Configured(GELU, 0f));
        }
        if (fn instanceof ActivationSELU) {
            return Optional.of(new Configured(SELU, 0f));
        }
        if (fn instanceof ActivationSwish) {
            return Optional.of(new Configured(SWISH, 0f));
        }
        if (fn instanceof ActivationTanH) {
            return Optional.of(new Configured(TANH, 0f));
        }
        if (fn instanceof ActivationSigmoid) {
            return Optional.of(new Configured(SIGMOID, 0f));
        }
        return Optional.empty();
    }

    /** An activation with its parameter. */
    record Configured(HiddenActivation function, float alpha) {

        void forward(float[] z, float[] a, int n) {
            function.forward(z, a, n, alpha);
        }

        void backward(float[] z, float[] a, float[] g, int n) {
            function.backward(z, a, g, n, alpha);
        }
    }
}

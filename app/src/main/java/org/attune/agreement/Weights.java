package org.attune.agreement;

/**
 * Agreement weights for weighted κ over k ordered categories: 1 on the diagonal, less for cells
 * further apart (Cohen 1968; linear = Cicchetti & Allison 1971, quadratic = Fleiss & Cohen 1973).
 * They depend on the <em>declared</em> category set: a category nobody used still counts as a step.
 */
public final class Weights {

    private Weights() {
    }

    public static double[][] identity(int k) {
        double[][] w = new double[k][k];
        for (int i = 0; i < k; i++) w[i][i] = 1;
        return w;
    }

    public static double[][] linear(int k) {
        double[][] w = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) w[i][j] = k == 1 ? 1 : 1 - Math.abs(i - j) / (double) (k - 1);
        return w;
    }

    public static double[][] quadratic(int k) {
        double[][] w = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) w[i][j] = k == 1 ? 1 : 1 - Math.pow(i - j, 2) / Math.pow(k - 1, 2);
        return w;
    }
}

package jp.mynahealth.importer.demo;

import static jp.mynahealth.importer.demo.DemoDataGenerator.normal;

import java.util.SplittableRandom;

/** How values move per year: slowly, as they do. */
record Trend(double weight, double waist, double systolic, double diastolic, double triglycerides, double hdl,
        double ldl, double ast, double alt, double ggt, double glucose, double hba1c) {

    static Trend random(SplittableRandom r) {
        return new Trend(normal(r, 0.3, 0.6), normal(r, 0.3, 0.6), normal(r, 0.8, 1.2), normal(r, 0.4, 0.8),
                normal(r, 1, 6), normal(r, 0, 1), normal(r, 0.5, 3), normal(r, 0.2, 0.8), normal(r, 0.2, 1),
                normal(r, 0.5, 2), normal(r, 0.6, 1.2), normal(r, 0.02, 0.04));
    }
}

package jp.mynahealth.importer.demo;

/** What a demo person is treated for over the years: it decides their regimens and their checkup values. */
enum Condition { HYPERTENSION, DYSLIPIDEMIA, DIABETES, GOUT, ALLERGY, REFLUX, CONSTIPATION, INSOMNIA, ANTIPLATELET }

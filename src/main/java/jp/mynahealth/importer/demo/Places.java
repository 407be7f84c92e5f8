package jp.mynahealth.importer.demo;

import jp.mynahealth.importer.demo.DemoCatalog.Institution;

/** Where a person is usually treated: near home. */
record Places(Institution clinic, Institution orthopaedics, Institution paediatrics, Institution ent,
        Institution hospital, Institution dental, Institution pharmacy, Institution otherPharmacy,
        Institution nursing) {
}

package id.rujukan.contract;

/** Kinds of agency that take part in referrals. */
public enum AgencyType {
    DINAS_SOSIAL_KABUPATEN_KOTA, DINAS_SOSIAL_PROVINCE, DP2KBP3A, RUTAN, LAPAS, BAPAS, LKSA, PUSKESMAS,
    POLICE_PPA, SAKTI_PEKSOS, VILLAGE_GOVERNMENT, MINISTRY
}

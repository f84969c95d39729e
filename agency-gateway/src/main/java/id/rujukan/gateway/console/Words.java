package id.rujukan.gateway.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words officers read instead of codes, Bahasa Indonesia first; English in
 * {@code messages/words_en.properties}. Codes are looked up by key in templates ({@code words:message(key)}), where
 * a key is the code's kind and the code, e.g. {@code state_ROUTED}; the rest are sentences with numbers.
 */
@MessageBundle(value = "words", locale = "id")
public interface Words {

    @Message("Diajukan")
    String state_REQUESTED();

    @Message("Menunggu konfirmasi")
    String state_ROUTED();

    @Message("Dikonfirmasi, menunggu keputusan")
    String state_RECEIVED();

    @Message("Diterima")
    String state_ACCEPTED();

    @Message("Ditolak")
    String state_DECLINED();

    @Message("Sedang ditangani")
    String state_IN_PROGRESS();

    @Message("Selesai")
    String state_COMPLETED();

    @Message("Dibatalkan")
    String state_CANCELLED();

    @Message("Tidak tersalurkan")
    String state_FAILED();

    @Message("Darurat")
    String urgency_EMERGENCY();

    @Message("Tinggi")
    String urgency_HIGH();

    @Message("Biasa")
    String urgency_NORMAL();

    @Message("Rendah")
    String urgency_LOW();

    @Message("Kekerasan seksual")
    String category_SEXUAL_VIOLENCE();

    @Message("Kekerasan fisik")
    String category_PHYSICAL_ABUSE();

    @Message("Penelantaran")
    String category_NEGLECT();

    @Message("Anak berhadapan dengan hukum (ABH)")
    String category_CHILD_IN_CONFLICT_WITH_LAW();

    @Message("Perdagangan orang")
    String category_TRAFFICKING();

    @Message("Anak dari tahanan/warga binaan")
    String category_CHILD_OF_DETAINEE();

    @Message("Anak jalanan")
    String category_STREET_CHILD();

    @Message("Anak penyandang disabilitas")
    String category_DISABILITY();

    @Message("Calon anak angkat")
    String category_ADOPTION_CANDIDATE();

    @Message("Lainnya")
    String category_OTHER();

    @Message("Laki-laki")
    String sex_MALE();

    @Message("Perempuan")
    String sex_FEMALE();

    @Message("Tidak diketahui")
    String sex_UNKNOWN();

    @Message("Tidak ada kapasitas")
    String reason_NO_CAPACITY();

    @Message("Di luar kewenangan")
    String reason_OUT_OF_MANDATE();

    @Message("Wilayah tidak sesuai")
    String reason_WRONG_REGION();

    @Message("Tidak memenuhi syarat")
    String reason_NOT_ELIGIBLE();

    @Message("Dokumen belum lengkap")
    String reason_MISSING_DOCUMENTS();

    @Message("Sudah ditangani")
    String reason_ALREADY_HANDLED();

    @Message("Alasan lain")
    String reason_OTHER();

    @Message("{#if hours > 0}{hours} jam {/if}{minutes} menit lagi")
    String dueIn(long hours, long minutes);

    @Message("terlambat {#if hours > 0}{hours} jam {/if}{minutes} menit")
    String late(long hours, long minutes);

    @Message("{days} hari lagi")
    String dueInDays(long days);

    @Message("terlambat {days} hari")
    String lateDays(long days);
    @Message("Sistem Rujukan")
    String systemActor();

    @Message("Batas konfirmasi")
    String due_acknowledge();

    @Message("Batas keputusan (terima atau tolak)")
    String due_accept();

    @Message("Batas laporan perkembangan")
    String due_progress();

    @Message("Petugas penanggung jawab")
    String label_officer_in_charge();
    @Message("Kotak masuk")
    String nav_inbox();

    @Message("Terkirim")
    String nav_sent();

    @Message("English")
    String nav_other_language();

    @Message("en")
    String nav_other_language_code();

    @Message("Status")
    String filter_state();

    @Message("Urgensi")
    String filter_urgency();

    @Message("Kategori")
    String filter_category();

    @Message("Nomor rujukan")
    String filter_search();

    @Message("Semua")
    String filter_any();

    @Message("Semua yang perlu ditangani")
    String filter_open();

    @Message("Tampilkan")
    String filter_apply();

    @Message("Rujukan")
    String col_reference();

    @Message("Status")
    String col_state();

    @Message("Urgensi")
    String col_urgency();

    @Message("Kategori")
    String col_category();

    @Message("Dari")
    String col_from();

    @Message("Kepada")
    String col_to();

    @Message("Batas waktu")
    String col_respond_by();

    @Message("Terakhir berubah")
    String col_changed();

    @Message("Tidak ada rujukan.")
    String list_empty();

    @Message("Hanya 500 rujukan terbaru yang ditampilkan; persempit dengan filter.")
    String list_cut();

    @Message("Terlambat")
    String late_mark();

    @Message("Status")
    String label_state();

    @Message("Urgensi")
    String label_urgency();

    @Message("Kategori")
    String label_category();

    @Message("Dari")
    String label_from();

    @Message("Kepada")
    String label_to();

    @Message("Dikirim")
    String label_submitted();

    @Message("Batas waktu")
    String heading_deadlines();

    @Message("Data anak")
    String heading_child();

    @Message("Nama")
    String child_name();

    @Message("Jenis kelamin")
    String child_sex();

    @Message("Tanggal lahir")
    String child_birth_date();

    @Message("Ringkasan")
    String child_summary();

    @Message("Data pribadi anak telah dihapus.")
    String child_erased();

    @Message("Data pribadi anak tidak tersedia di sini.")
    String child_absent();

    @Message("Tindakan")
    String heading_actions();

    @Message("Konfirmasi diterima")
    String action_acknowledge();

    @Message("Terima rujukan")
    String action_accept();

    @Message("Tolak rujukan")
    String action_decline();

    @Message("Alasan menolak")
    String decline_reason();

    @Message("Riwayat")
    String heading_timeline();

    @Message("Catatan")
    String heading_notes();

    @Message("Belum ada catatan.")
    String notes_none();

    @Message("Catatan baru")
    String note_label();

    @Message("Tambah catatan")
    String action_note();

    @Message("ditulis saat: {action}")
    String note_with(String action);

    @Message("Permintaan terkirim; status diperbarui dalam beberapa detik.")
    String sent_notice();

    @Message("Kembali ke kotak masuk")
    String back_to_inbox();

    @Message("Kotak masuk {agency}")
    String inboxTitle(String agency);

    @Message("Rujukan dari {agency}")
    String sentTitle(String agency);

    @Message("{count} terlambat")
    String lateCount(long count);

    @Message("Rujukan {reference}")
    String referralTitle(String reference);
    @Message("Pemberitahuan")
    String kind_NOTIFICATION();

    @Message("Eskalasi")
    String kind_ESCALATION();

    @Message("Tindakan tidak diterima sistem")
    String kind_REFUSED();

    @Message("Dikirim ke sistem lembaga")
    String kind_WEBHOOK();

    @Message("Diterima oleh sistem lembaga")
    String kind_RECEIVE();

    @Message("Konfirmasi diterima")
    String kind_ACKNOWLEDGE();

    @Message("Rujukan diterima")
    String kind_ACCEPT();

    @Message("Rujukan ditolak")
    String kind_DECLINE();

    @Message("Perkembangan")
    String kind_PROGRESS();

    @Message("Selesai")
    String kind_COMPLETE();

    @Message("Dibatalkan")
    String kind_CANCEL();

    @Message("Catatan")
    String kind_NOTE();

    @Message("Akses data anak diberikan")
    String kind_KEY_GRANTED();

    @Message("Akses data anak diterima")
    String kind_KEY_RECEIVED();

    @Message("Akses data anak belum diberikan")
    String kind_KEY_NOT_GRANTED();

    @Message("Data anak dihapus")
    String kind_ERASED();

    @Message("Kunci data anak dimusnahkan")
    String kind_KEY_DESTROYED();

    @Message("Rujukan baru")
    String nav_new();

    @Message("Ada {count} isian yang perlu diperbaiki; pesannya ada di samping isian itu.")
    String form_has_errors(int count);

    @Message("Pilih…")
    String choose();

    @Message("NIK (jika ada)")
    String child_nik();

    @Message("16 angka; kosongkan bila anak belum punya NIK.")
    String child_nik_hint();

    @Message("Alamat")
    String child_address();

    @Message("Keterangan keluarga")
    String child_family();

    @Message("Wilayah anak (kabupaten/kota)")
    String child_region();

    @Message("Kasus")
    String heading_case();

    @Message("Layanan yang dibutuhkan")
    String label_service();

    @Message("Belum tahu (lembaga tujuan menilai)")
    String service_unsure();

    @Message("Pengasuhan sementara")
    String service_TEMPORARY_CARE();

    @Message("Bantuan hukum")
    String service_LEGAL_AID();

    @Message("Dukungan psikososial")
    String service_PSYCHOSOCIAL_SUPPORT();

    @Message("Bantuan sosial")
    String service_SOCIAL_ASSISTANCE();

    @Message("Layanan kesehatan")
    String service_HEALTH();

    @Message("Penelusuran keluarga")
    String service_FAMILY_TRACING();

    @Message("Rehabilitasi")
    String service_REHABILITATION();

    @Message("Dirujuk ke")
    String label_target();

    @Message("Bila tidak tahu lembaga mana yang tepat, biarkan otomatis: sistem memilih menurut wilayah, kategori dan layanan.")
    String target_hint();

    @Message("Pilih otomatis (aturan rujukan)")
    String target_routing();

    @Message("Apa yang terjadi, dan apa yang diminta dari lembaga tujuan.")
    String summary_hint();

    @Message("Persetujuan")
    String heading_consent();

    @Message("Persetujuan untuk merujuk telah diberikan (atau ada dasar hukumnya)")
    String consent_given();

    @Message("Diberikan oleh")
    String consent_given_by();

    @Message("Catatan persetujuan (mis. dasar hukum)")
    String consent_note();

    @Message("Ibu")
    String consent_MOTHER();

    @Message("Ayah")
    String consent_FATHER();

    @Message("Wali")
    String consent_GUARDIAN();

    @Message("Kerabat")
    String consent_RELATIVE();

    @Message("Anak sendiri")
    String consent_CHILD();

    @Message("Pengadilan / penetapan hukum")
    String consent_COURT();

    @Message("Lainnya (jelaskan di catatan)")
    String consent_OTHER();

    @Message("Kirim rujukan")
    String action_submit();

    @Message("Isi nama anak (paling banyak 200 huruf).")
    String error_childName();

    @Message("NIK harus 16 angka; kosongkan bila tidak ada.")
    String error_childNik();

    @Message("Tanggal lahir tidak valid atau di masa depan.")
    String error_childBirthDate();

    @Message("Pilih jenis kelamin.")
    String error_childSex();

    @Message("Alamat paling banyak 500 huruf.")
    String error_childAddress();

    @Message("Keterangan keluarga paling banyak 2000 huruf.")
    String error_familyDetails();

    @Message("Pilih wilayah anak.")
    String error_regency();

    @Message("Pilih kategori kasus.")
    String error_category();

    @Message("Pilih layanan dari daftar.")
    String error_serviceNeeded();

    @Message("Pilih tingkat urgensi.")
    String error_urgency();

    @Message("Lembaga tujuan tidak dikenal; pilih dari daftar.")
    String error_target();

    @Message("Anak hanya dapat dirujuk dengan persetujuan atau dasar hukum.")
    String error_consentGiven();

    @Message("Pilih siapa yang memberi persetujuan.")
    String error_consentGivenBy();

    @Message("Catatan persetujuan paling banyak 1000 huruf.")
    String error_consentNote();

    @Message("Tulis ringkasan kasus (paling banyak 8000 huruf).")
    String error_summary();

    @Message("Lembaga Anda belum ada di direktori; hubungi admin.")
    String error_referringAgencyId();

    @Message("Pengawasan")
    String nav_supervision();

    @Message("Terlambat sekarang")
    String heading_late_now();

    @Message("Tidak ada rujukan yang terlambat.")
    String late_none();

    @Message("Ketepatan waktu, 30 hari terakhir")
    String heading_in_time();

    @Message("Dikonfirmasi tepat waktu")
    String received_in_time();

    @Message("Diputuskan tepat waktu")
    String accepted_in_time();

    @Message("{inTime} dari {counted} ({percent} %)")
    String share(long inTime, long counted, long percent);

    @Message("Belum ada yang dihitung")
    String share_none();

    @Message("Median waktu sampai dikonfirmasi")
    String median_receive();

    @Message("Median waktu sampai diputuskan")
    String median_accept();

    @Message("{#if hours > 0}{hours} jam {/if}{minutes} menit")
    String duration(long hours, long minutes);

    @Message("{days} hari")
    String days(long days);

    @Message("Catat perkembangan")
    String action_progress();

    @Message("Tahap yang dicapai")
    String progress_milestone();

    @Message("Tanpa tahap (perkembangan biasa)")
    String milestone_none();

    @Message("Litmas diserahkan")
    String milestone_LITMAS_SUBMITTED();

    @Message("Diversi dimulai")
    String milestone_DIVERSION_STARTED();

    @Message("Selesaikan rujukan")
    String action_complete();

    @Message("Hasil")
    String complete_outcome();

    @Message("Ditempatkan di pengasuhan sementara")
    String outcome_PLACED_IN_TEMPORARY_CARE();

    @Message("Dikembalikan ke keluarga")
    String outcome_RETURNED_TO_FAMILY();

    @Message("Layanan telah diberikan")
    String outcome_SERVICE_PROVIDED();

    @Message("Dirujuk lebih lanjut")
    String outcome_REFERRED_ONWARD();

    @Message("Anak tidak ditemukan")
    String outcome_CHILD_NOT_FOUND();

    @Message("Hasil lain")
    String outcome_OTHER();

    @Message("Batalkan rujukan")
    String action_cancel();

    @Message("Alasan membatalkan")
    String cancel_reason();

    @Message("Tidak diperlukan lagi")
    String cancel_NO_LONGER_NEEDED();

    @Message("Rujukan ganda")
    String cancel_DUPLICATE();

    @Message("Terkirim karena kesalahan")
    String cancel_SENT_IN_ERROR();

    @Message("Alasan lain")
    String cancel_OTHER();

    @Message("Pengaturan lembaga")
    String nav_admin();

    @Message("Webhook: pemberitahuan ke sistem lembaga")
    String heading_webhook();

    @Message("Jejak audit: siapa membaca atau menulis data anak")
    String heading_audit();

    @Message("Belum ada akses.")
    String audit_none();

    @Message("Membaca data anak")
    String audit_READ_DETAILS();

    @Message("Mencoba membaca data yang telah dihapus")
    String audit_READ_DETAILS_ERASED();

    @Message("Membaca catatan")
    String audit_READ_NOTES();

    @Message("Mencoba membaca catatan yang telah dihapus")
    String audit_READ_NOTES_ERASED();

    @Message("Menulis catatan")
    String audit_WRITE_NOTE();

    @Message("Mengirim rujukan")
    String audit_SUBMIT();

    @Message("Menyerahkan kasus")
    String audit_SUBMIT_HANDOFF();

    @Message("Menghapus data kasus untuk selamanya")
    String audit_ERASE_DATA_KEY();

    @Message("Mengubah jadwal piket")
    String audit_CHANGE_ROSTER();

    @Message("Mencatat petugas yang keluar")
    String audit_OFFICER_DEPARTED();

    @Message("atau")
    String or();

    @Message("Pilih lembaga yang akan menerima kasus.")
    String error_handoff_target();

    @Message("Serah terima kasus")
    String heading_handoff();

    @Message("Lembaga Anda bertanggung jawab atas kasus ini. Bila lembaga lain harus menanganinya, serahkan kasusnya: kasus pindah setelah lembaga itu menerimanya.")
    String handoff_about();

    @Message("Serahkan kasus ke lembaga lain")
    String action_handoff();

    @Message("Serah terima kasus {reference}")
    String handoff_title(String reference);

    @Message("Data anak, persetujuan dan ringkasan diambil dari rujukan kasus ini; perbarui yang sudah berubah. Kasus tetap tanggung jawab lembaga Anda sampai lembaga tujuan menerimanya.")
    String handoff_form_about();

    @Message("Lembaga yang akan menangani kasus ini selanjutnya.")
    String target_hint_handoff();

    @Message("Serahkan kasus")
    String action_submit_handoff();

    @Message("Serah terima dikirim. Lembaga tujuan akan diberi tahu.")
    String sent_handoff_notice();

    @Message("Lihat tujuan")
    String action_preview();

    @Message("Tujuan rujukan")
    String preview_heading();

    @Message("Bila dikirim sekarang, rujukan ini masuk ke {name}.")
    String preview_to(String name);

    @Message("Bila ditolak, berikutnya: {names}.")
    String preview_then(String names);

    @Message("Tidak ada lembaga yang cocok untuk rujukan ini di wilayah anak. Pilih lembaga tujuan sendiri; bila dikirim tanpa tujuan, rujukan tidak tersalurkan.")
    String preview_none();

    @Message("Tujuan belum dapat ditampilkan sekarang. Rujukan tetap dapat dikirim; tujuannya akan terlihat di halaman rujukan.")
    String preview_unavailable();

    @Message("Periksa isian di bawah, lalu tekan tombol kirim.")
    String preview_hint();

    @Message("Formulir tidak dapat diterima")
    String expired_title();

    @Message("Halaman ini terlalu lama terbuka, atau formulirnya tidak dikirim dari Rujukan. Tidak ada yang berubah. Buka lagi halamannya, lalu kirim sekali lagi.")
    String expired_text();

    @Message("Kembali ke kotak masuk")
    String expired_back();

    @Message("Rujukan masuk per bulan")
    String heading_caseload();

    @Message("Rujukan masuk menurut kategori, {months} bulan terakhir")
    String heading_caseload_category(int months);

    @Message("Belum ada rujukan masuk.")
    String caseload_none();

    @Message("{label}: {count} rujukan")
    String caseload_bar(String label, long count);

    @Message("SMS")
    String channel_SMS();

    @Message("Email")
    String channel_EMAIL();

    @Message("terkirim")
    String delivery_sent();

    @Message("sampai")
    String delivery_delivered();

    @Message("gagal")
    String delivery_failed();

    @Message("petugas piket")
    String role_DUTY_OFFICER();

    @Message("petugas")
    String role_OFFICER();

    @Message("supervisor")
    String role_SUPERVISOR();

    @Message("kepala")
    String role_HEAD();

    @Message("admin lembaga")
    String role_AGENCY_ADMIN();

    @Message("{channel} {status} ke {role} {agency}")
    String timeline_notified(String channel, String status, String role, String agency);

    @Message("diteruskan ke {agency} menurut aturan {rule}")
    String timeline_routed(String agency, String rule);

    @Message("tidak ada lembaga yang sesuai menurut aturan {rule}")
    String timeline_unrouted(String rule);

    @Message("petugas penanggung jawab: {officer}")
    String timeline_in_charge(String officer);

    @Message("{actor} atas nama {officer}")
    String timeline_on_behalf(String actor, String officer);

    @Message("kunci data anak diberikan kepada {agency}, agar petugasnya dapat membuka data anak")
    String timeline_key_granted(String agency);

    @Message("data anak dapat dibuka di sini")
    String timeline_key_received();

    @Message("data anak belum dapat dibagikan kepada {agency}: lembaga itu belum menerbitkan kunci penerima")
    String timeline_key_not_granted(String agency);

    @Message("semua lembaga yang memegang kunci data anak diminta memusnahkannya")
    String timeline_erased();

    @Message("data anak tidak dapat dibuka lagi di lembaga ini")
    String timeline_key_destroyed();

    @Message("lembaga pilihan perujuk")
    String rule_named_by_referrer();

    @Message("bayi atau balita anak tahanan")
    String rule_infant_of_detainee();

    @Message("anak berhadapan dengan hukum (ABH)")
    String rule_child_in_conflict_with_law();

    @Message("pengasuhan sementara")
    String rule_temporary_care();

    @Message("bantuan hukum")
    String rule_legal_aid();

    @Message("dukungan psikososial")
    String rule_psychosocial_support();

    @Message("layanan kesehatan")
    String rule_health();

    @Message("penelusuran keluarga")
    String rule_family_tracing();

    @Message("umum")
    String rule_default();

    @Message("Jadwal piket")
    String heading_roster();

    @Message("Cuti dan pengganti")
    String heading_covers();

    @Message("Jam tanpa petugas (7 hari ke depan)")
    String heading_gaps();

    @Message("Tidak ada: setiap tingkat eskalasi ada yang bertugas.")
    String gaps_none();

    @Message("cuti")
    String leave_LEAVE();

    @Message("tukar jadwal")
    String leave_SWAP();

    @Message("sakit")
    String leave_SICK();

    @Message("pelatihan")
    String leave_TRAINING();

    @Message("Atas nama petugas (nama pengguna; kosongkan jika untuk diri sendiri)")
    String on_behalf_of();

    @Message("Petugas penanggung jawab baru (nama pengguna)")
    String officer_in_charge_new();

    @Message("Ganti penanggung jawab")
    String action_reassign();

    @Message("Penanggung jawab diganti")
    String kind_REASSIGN();
}

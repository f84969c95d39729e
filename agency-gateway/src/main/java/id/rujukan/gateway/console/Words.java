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
}

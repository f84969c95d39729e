package id.rujukan.gateway.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the agency admin's page (Pengaturan lembaga: the duty roster, leave, the webhook), Bahasa Indonesia
 * first; English in {@code messages/admin_en.properties}. A bundle of their own: Quarkus 3.33 generates a bundle of
 * more than 300 messages wrongly (a VerifyError at start, quarkusio/quarkus#55584), and {@link Words} is near that.
 */
@MessageBundle(value = "admin", locale = "id")
public interface AdminWords {

    @Message("Hanya bila lembaga punya sistem sendiri: setiap perubahan rujukan dikirim ke URL ini, ditandatangani dengan rahasia lembaga.")
    String webhook_about();

    @Message("Belum ada webhook; petugas memakai konsol ini.")
    String webhook_none();

    @Message("URL webhook")
    String webhook_url();

    @Message("Terakhir diubah")
    String webhook_updated();

    @Message("Simpan URL")
    String webhook_save();

    @Message("Buat rahasia baru")
    String webhook_rotate();

    @Message("Rahasia penandatanganan, hanya ditampilkan sekali ini: simpan di sistem lembaga sekarang.")
    String webhook_secret_once();

    @Message("URL ditolak: {reason}")
    String webhook_refused(String reason);

    @Message("Peringatan dikirim ke orang yang bertugas menurut jadwal ini pada saat peringatan dikirim. Peran tanpa jadwal: semua kontaknya dianggap selalu bertugas.")
    String roster_about();

    @Message("Lembaga ini belum memiliki jadwal piket: peringatan dikirim ke kontak setiap peran, kapan pun.")
    String roster_none();

    @Message("{role} · {person} · {days} · {start}–{end}")
    String roster_shift(String role, String person, String days, String start, String end);

    @Message("{person} ({reason}) {from} sampai {until}; digantikan: {cover}")
    String roster_cover(String person, String reason, String from, String until, String cover);

    @Message("Tidak ada {roles} yang bertugas: {from} sampai {until}")
    String roster_gap(String roles, String from, String until);

    @Message("Perubahan jadwal dikirim dan berlaku dalam beberapa detik.")
    String roster_sent();

    @Message("Tambah giliran")
    String shift_form();

    @Message("Peran")
    String shift_role();

    @Message("Petugas")
    String shift_person();

    @Message("Hari")
    String shift_days();

    @Message("Mulai pukul")
    String shift_start();

    @Message("Selesai pukul")
    String shift_end();

    @Message("Selesai sebelum jam mulai: giliran melewati tengah malam. Sama dengan jam mulai: 24 jam.")
    String shift_hours_hint();

    @Message("Tambah giliran")
    String shift_save();

    @Message("Hapus")
    String shift_remove();

    @Message("Giliran tidak sesuai: pilih peran, petugas, minimal satu hari, dan jam mulai serta selesai.")
    String shift_bad();

    @Message("Giliran itu sudah tidak ada di jadwal; mungkin baru saja diubah. Periksa jadwal di bawah.")
    String shift_gone();

    @Message("Catat cuti")
    String leave_form();

    @Message("Yang cuti")
    String leave_person();

    @Message("Mulai tanggal")
    String leave_from();

    @Message("Sampai tanggal (termasuk)")
    String leave_until();

    @Message("Digantikan oleh")
    String leave_cover();

    @Message("tidak ada pengganti")
    String leave_nobody();

    @Message("Simpan cuti")
    String leave_save();

    @Message("Tanggal tidak sesuai: tanggal selesai tidak boleh sebelum tanggal mulai.")
    String leave_bad_dates();
}

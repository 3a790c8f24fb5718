/**
 * The texts Cognito sends by e-mail, in Bahasa Indonesia (the people who get them are civil servants of an
 * Indonesian city). Cognito fills `{username}` and `{####}` (the temporary password or the code) itself.
 *
 * Without a CustomMessage Lambda trigger a user pool has two e-mail templates: the invitation (admin-created
 * accounts) and the verification message. Cognito sends the verification message both to confirm an address and
 * with the code of "Lupa kata sandi" (forgot password), so its text covers both, and the password reset needs no
 * trigger (one function fewer on the sign-in path, nothing to keep warm).
 */
export interface AuthMessagesOptions {
  /** Where people sign in (`-c webAppUrl`), named in the invitation when known at synth time. */
  appUrl?: string;
}

export function authMessages(options: AuthMessagesOptions = {}) {
  const where = options.appUrl
    ? `<p>Masuk di <a href="${options.appUrl}">${options.appUrl}</a>.</p>`
    : '<p>Masuk melalui aplikasi Kinerja ASN.</p>';
  return {
    invitation: {
      emailSubject: 'Akun Kinerja ASN Anda',
      emailBody: [
        '<p>Yth. Bapak/Ibu,</p>',
        '<p>Admin kepegawaian telah membuatkan akun Kinerja ASN untuk Anda.</p>',
        '<p>Nama pengguna: <b>{username}</b><br>Kata sandi sementara: <b>{####}</b></p>',
        where,
        '<p>Kata sandi sementara berlaku 3 hari. Saat pertama masuk, Anda diminta membuat kata sandi baru ',
        '(minimal 12 karakter, dengan huruf besar, huruf kecil, angka dan simbol).</p>',
        '<p>Jika Anda tidak mengenal akun ini, abaikan e-mail ini dan hubungi admin BKPSDM.</p>',
      ].join(''),
      smsMessage: 'Akun Kinerja ASN: nama pengguna {username}, kata sandi sementara {####}',
    },
    verification: {
      emailSubject: 'Kode verifikasi Kinerja ASN',
      emailBody: [
        '<p>Yth. Bapak/Ibu,</p>',
        '<p>Kode verifikasi Anda: <b>{####}</b></p>',
        '<p>Masukkan kode ini di Kinerja ASN untuk memverifikasi alamat e-mail Anda atau untuk mengatur ulang ',
        'kata sandi (Lupa kata sandi). Jangan berikan kode ini kepada siapa pun, termasuk petugas.</p>',
        '<p>Jika Anda tidak memintanya, abaikan e-mail ini: kata sandi Anda tidak berubah.</p>',
      ].join(''),
      smsMessage: 'Kode verifikasi Kinerja ASN: {####}',
    },
  };
}

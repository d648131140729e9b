//! Passphrase encryption of any export in the age format (scrypt for the passphrase,
//! ChaCha20-Poly1305 for the data), so an export can travel by e-mail or a cloud folder
//! and only someone told the passphrase opens it. All the cryptography is the `age`
//! crate's; this file only bounds the inputs and names the errors.

use crate::error::{Error, Result};
use age::secrecy::SecretString;
use std::io::{BufRead, Read, Write};

/// Shortest passphrase accepted: a few words, not a PIN.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
const MAX_PASSPHRASE_BYTES: usize = 1024;
/// The most scrypt work a file may ask for (2^22: several seconds and 4 GiB at worst),
/// so a crafted file cannot make decryption run for hours.
const MAX_WORK_FACTOR: u8 = 22;
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

fn passphrase(text: &str) -> Result<SecretString> {
    if text.len() > MAX_PASSPHRASE_BYTES {
        return Err(Error::invalid("passphrase", format!("longer than {MAX_PASSPHRASE_BYTES} bytes")));
    }
    if text.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(Error::invalid("passphrase", format!("use at least {MIN_PASSPHRASE_CHARS} characters")));
    }
    Ok(SecretString::from(text.to_string()))
}

/// Refuses a passphrase too short or too long, before anything is written.
pub fn check_passphrase(text: &str) -> Result<()> {
    passphrase(text).map(drop)
}

/// A writer that encrypts what goes through it, or passes it on as it is.
pub enum Output<'a> {
    Plain(&'a mut dyn Write),
    Sealed(age::stream::StreamWriter<&'a mut dyn Write>),
}

impl<'a> Output<'a> {
    pub fn new(out: &'a mut dyn Write, pass: Option<&str>) -> Result<Output<'a>> {
        Ok(match pass {
            None => Output::Plain(out),
            Some(pass) => Output::Sealed(
                age::Encryptor::with_user_passphrase(passphrase(pass)?)
                    .wrap_output(out)
                    .map_err(|e| Error::InvalidState(format!("encryption failed: {e}")))?,
            ),
        })
    }

    /// Writes the last encrypted chunk (an age file is cut without it) and flushes.
    pub fn finish(self) -> Result<()> {
        match self {
            Output::Plain(out) => out.flush()?,
            Output::Sealed(sealed) => sealed.finish()?.flush()?,
        }
        Ok(())
    }
}

impl Write for Output<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Output::Plain(out) => out.write(buf),
            Output::Sealed(sealed) => sealed.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match self {
            Output::Plain(out) => out.write_all(buf),
            Output::Sealed(sealed) => sealed.write_all(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Plain(out) => out.flush(),
            Output::Sealed(sealed) => sealed.flush(),
        }
    }
}

/// Whether `bytes` look like an age file (encrypted export).
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC)
}

pub fn encrypt(bytes: &[u8], pass: &str) -> Result<Vec<u8>> {
    let recipient = age::scrypt::Recipient::new(passphrase(pass)?);
    age::encrypt(&recipient, bytes).map_err(|e| Error::InvalidState(format!("encryption failed: {e}")))
}

/// Decrypts an encrypted export; the wrong passphrase, a damaged or foreign file and a
/// file that asks for too much work are each named.
pub fn decrypt(bytes: &[u8], pass: &str) -> Result<Vec<u8>> {
    if !is_encrypted(bytes) {
        return Err(Error::invalid("export", "it is not an encrypted export (no age header)"));
    }
    let mut identity = age::scrypt::Identity::new(passphrase(pass)?);
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    age::decrypt(&identity, bytes).map_err(named)
}

/// Decrypts an encrypted export as it is read: the header and the passphrase are
/// checked here, each chunk as it comes (a damaged or cut chunk is a read error, and
/// the reader of the export names it as a damaged export).
pub fn decrypting<R: BufRead>(input: R, pass: &str) -> Result<impl Read> {
    let mut identity = age::scrypt::Identity::new(passphrase(pass)?);
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let decryptor = age::Decryptor::new_buffered(input).map_err(named)?;
    decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(named)
}

fn named(e: age::DecryptError) -> Error {
    match e {
        age::DecryptError::NoMatchingKeys
        | age::DecryptError::DecryptionFailed
        | age::DecryptError::KeyDecryptionFailed => {
            Error::invalid("passphrase", "wrong passphrase for this export")
        }
        age::DecryptError::ExcessiveWork { required, .. } => Error::invalid(
            "export",
            format!("it asks for scrypt work 2^{required}, more than the 2^{MAX_WORK_FACTOR} accepted"),
        ),
        other => Error::invalid("export", format!("damaged or not a Proprio export ({other})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(r: Result<Vec<u8>>) -> String {
        match r {
            Err(Error::InvalidArgument { field, .. }) => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn round_trip_wrong_passphrase_damage_and_bounds() {
        let secret = br#"{"format":"proprio-export"}"#;
        let sealed = encrypt(secret, "correct horse battery").unwrap();
        assert!(is_encrypted(&sealed) && !sealed.windows(8).any(|w| w == b"proprio-"), "no plaintext left");
        assert_eq!(decrypt(&sealed, "correct horse battery").unwrap(), secret);
        assert_eq!(field(decrypt(&sealed, "wrong horse battery")), "passphrase");
        let mut damaged = sealed.clone();
        let last = damaged.len() - 3;
        damaged[last] ^= 0x40;
        assert_eq!(field(decrypt(&damaged, "correct horse battery")), "export");
        assert_eq!(field(decrypt(&sealed[..sealed.len() / 2], "correct horse battery")), "export");
        assert_eq!(field(decrypt(secret, "correct horse battery")), "export");
        assert_eq!(field(encrypt(secret, "short")), "passphrase");
        assert_eq!(field(encrypt(secret, &"x".repeat(2000))), "passphrase");
    }
}

//! Reading a JSON export one session at a time: the document's top-level object is
//! visited field by field, and the `sessions` array element by element, each session
//! handed to the caller as soon as it is parsed (a [`DeserializeSeed`] over the array).
//! Memory stays at one session plus the frame, whatever the export's size; the report
//! folds each session into its day aggregates and the backup import keeps them all.
//!
//! What is refused, and how it is named (the same for bytes and for a stream):
//! `backup.format` for another program's document, `backup.format_version` for a newer
//! Proprio's, `backup` for what is not JSON, is cut short or tampered, or is larger than
//! [`MAX_EXPORT_BYTES`]. The format and version are checked as soon as they are read,
//! before the sessions, so a newer document is named as newer even when its sessions
//! would not parse.

use super::{ExportFrame, ExportSession, FORMAT, FORMAT_VERSION, MAX_EXPORT_BYTES};
use crate::error::{Error, Result};
use serde::de::DeserializeOwned;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::io::Read;

/// What a session is handed to: the report's fold, or a list for a restore. An error
/// stops the reading and is returned as it is. A session is read as `S`: the whole
/// [`ExportSession`] for a restore, or only the fields a reader needs (serde skips the
/// rest without building it).
pub type EachSession<'a, S = ExportSession> = &'a mut dyn FnMut(S) -> Result<()>;

/// Reads an export held in memory.
pub fn from_slice<S: DeserializeOwned>(bytes: &[u8], each: EachSession<S>) -> Result<ExportFrame> {
    if bytes.len() > MAX_EXPORT_BYTES {
        return Err(too_large());
    }
    read(&mut serde_json::Deserializer::from_slice(bytes), each, &Source::Plain)
}

/// Where a stream comes from, for naming its read errors.
pub enum Source {
    /// A plain file: a read error is the file's.
    Plain,
    /// An age stream being decrypted: a read error means the file is damaged or cut.
    Encrypted,
}

/// Reads an export from a stream (a file, or an age decryption of one), at most
/// [`MAX_EXPORT_BYTES`] of JSON. serde_json reading a stream byte by byte is several
/// times slower than reading a slice, so the stream is read in chunks and parsed from
/// them: each session straight from the chunk (parsed again, with more read, if the
/// chunk ends inside it), the top-level object's other values each found by a scan that
/// follows strings and brackets and then parsed (and checked whole) by serde_json. At
/// most a chunk and one session are held.
pub fn from_reader<S: DeserializeOwned>(
    reader: impl Read,
    each: EachSession<S>,
    source: Source,
) -> Result<ExportFrame> {
    read_in_chunks(reader, each, source, CHUNK)
}

/// [`from_reader`] with chunks of `chunk` bytes (tests cut sessions with small ones).
pub(crate) fn read_in_chunks<S: DeserializeOwned>(
    reader: impl Read,
    each: EachSession<S>,
    source: Source,
    chunk: usize,
) -> Result<ExportFrame> {
    let mut state = State::default();
    let reader = Bounded { inner: reader, seen: 0 };
    let mut pieces = Pieces { reader, buf: Vec::new(), pos: 0, eof: false, chunk: chunk.max(1) };
    match stream(&mut pieces, each, &mut state) {
        Ok(frame) => match state.header_problem() {
            Some(e) => Err(e),
            None => Ok(frame),
        },
        Err(Failure::Stopped(e)) => Err(e),
        Err(Failure::Json(e)) => Err(explain(e, state, &source)),
        Err(Failure::Cut(what)) => Err(state
            .problem
            .take()
            .or_else(|| state.header_problem())
            .unwrap_or_else(|| Error::invalid("backup", format!("not a Proprio export ({what})")))),
    }
}

fn too_large() -> Error {
    Error::invalid("backup", format!("larger than any Proprio export ({MAX_EXPORT_BYTES} bytes)"))
}

/// A reader that fails once more than [`MAX_EXPORT_BYTES`] came through it.
struct Bounded<R> {
    inner: R,
    seen: usize,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.seen += n;
        if self.seen > MAX_EXPORT_BYTES {
            return Err(std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                "larger than any Proprio export",
            ));
        }
        Ok(n)
    }
}

/// What the visit learnt, kept outside serde's error type: the header seen so far, and
/// a typed error from the caller's `each` or from the header check.
#[derive(Default)]
struct State {
    format: Option<String>,
    version: Option<u32>,
    problem: Option<Error>,
}

impl State {
    /// The header's verdict on what has been read of it.
    fn header_problem(&self) -> Option<Error> {
        if let Some(format) = self.format.as_deref().filter(|f| *f != FORMAT) {
            return Some(Error::invalid("backup.format", format!("'{format}' is not a Proprio export")));
        }
        self.version.filter(|v| *v > FORMAT_VERSION).map(|version| {
            Error::invalid(
                "backup.format_version",
                format!(
                    "version {version} was written by a newer Proprio (this one reads up to {FORMAT_VERSION}); update the app"
                ),
            )
        })
    }
}

fn read<'de, R: serde_json::de::Read<'de>, S: DeserializeOwned>(
    de: &mut serde_json::Deserializer<R>,
    each: EachSession<S>,
    source: &Source,
) -> Result<ExportFrame> {
    let mut state = State::default();
    let parsed = DocumentSeed { each, state: &mut state }.deserialize(&mut *de).and_then(|frame| {
        de.end()?;
        Ok(frame)
    });
    match parsed {
        Ok(frame) => match state.header_problem() {
            Some(e) => Err(e),
            None => Ok(frame),
        },
        Err(e) => Err(explain(e, state, source)),
    }
}

/// Names a failed read as the whole-document reader always did: a problem of the
/// caller's or of the header first, then what kind of damage.
fn explain(e: serde_json::Error, mut state: State, source: &Source) -> Error {
    if let Some(problem) = state.problem.take().or_else(|| state.header_problem()) {
        return problem;
    }
    if e.io_error_kind() == Some(std::io::ErrorKind::FileTooLarge) {
        return too_large();
    }
    if e.is_io() {
        return match source {
            Source::Encrypted => Error::invalid("export", format!("damaged or not a Proprio export ({e})")),
            Source::Plain => Error::Io(std::io::Error::other(e)),
        };
    }
    if e.is_data() && state.format.is_some() && state.version.is_some() {
        Error::invalid("backup", format!("damaged or incomplete ({e})"))
    } else {
        Error::invalid("backup", format!("not a Proprio export ({e})"))
    }
}

/// Why reading a stream stopped.
enum Failure {
    /// serde_json's verdict on a piece, or the reader's error.
    Json(serde_json::Error),
    /// The scan found no whole value: cut short, or not JSON.
    Cut(String),
    /// The caller's `each` failed.
    Stopped(Error),
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Self {
        Failure::Json(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Json(serde_json::Error::io(e))
    }
}

/// Bytes read ahead.
const CHUNK: usize = 1 << 20;

/// A stream cut into whole JSON values.
struct Pieces<R> {
    reader: R,
    buf: Vec<u8>,
    /// Where the unread bytes of `buf` start.
    pos: usize,
    eof: bool,
    /// How much is read at a time.
    chunk: usize,
}

impl<R: Read> Pieces<R> {
    /// Reads at least `want` more bytes (fewer only at the end), dropping what was read
    /// before `pos`; false if nothing was left.
    fn more_bytes(&mut self, want: usize) -> std::io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        self.buf.drain(..self.pos);
        self.pos = 0;
        let start = self.buf.len();
        while self.buf.len() < start + want {
            let len = self.buf.len();
            self.buf.resize(len + self.chunk, 0);
            match self.reader.read(&mut self.buf[len..]) {
                Ok(n) => {
                    self.buf.truncate(len + n);
                    if n == 0 {
                        self.eof = true;
                        break;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => self.buf.truncate(len),
                Err(e) => {
                    self.buf.truncate(len);
                    return Err(e);
                }
            }
        }
        Ok(self.buf.len() > start)
    }

    fn more(&mut self) -> std::io::Result<bool> {
        self.more_bytes(1)
    }

    /// The next session, parsed straight from the buffer. One cut by the buffer's end
    /// is parsed again once more is read (twice as much each time, so a huge one costs
    /// a few passes, not one per chunk).
    fn session<S: DeserializeOwned>(&mut self) -> Result<S, Failure> {
        self.peek()?;
        let mut want = self.chunk;
        loop {
            let mut values = serde_json::Deserializer::from_slice(&self.buf[self.pos..]).into_iter::<S>();
            match values.next() {
                Some(Ok(session)) => {
                    self.pos += values.byte_offset();
                    return Ok(session);
                }
                Some(Err(e)) if e.is_eof() && !self.eof => {
                    self.more_bytes(want)?;
                    want = want.saturating_mul(2);
                }
                Some(Err(e)) => return Err(e.into()),
                None => return Err(Failure::Cut("it ends too early".into())),
            }
        }
    }

    /// The next byte that is not white space, left unread; `None` at the end.
    fn peek(&mut self) -> Result<Option<u8>, Failure> {
        loop {
            while let Some(&b) = self.buf.get(self.pos) {
                if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                    return Ok(Some(b));
                }
                self.pos += 1;
            }
            if !self.more()? {
                return Ok(None);
            }
        }
    }

    /// Reads one of `bytes` (punctuation) and says which.
    fn expect(&mut self, bytes: &[u8]) -> Result<u8, Failure> {
        match self.peek()? {
            Some(b) if bytes.contains(&b) => {
                self.pos += 1;
                Ok(b)
            }
            Some(b) => Err(Failure::Cut(format!(
                "expected {} but found '{}'",
                bytes.iter().map(|b| format!("'{}'", *b as char)).collect::<Vec<_>>().join(" or "),
                b.escape_ascii()
            ))),
            None => Err(Failure::Cut("it ends too early".into())),
        }
    }

    /// The next whole value's bytes (an object, array, string, number or literal), read.
    /// Only strings and brackets are followed; serde_json checks the rest.
    fn value(&mut self) -> Result<&[u8], Failure> {
        let first = self.peek()?.ok_or_else(|| Failure::Cut("it ends too early".into()))?;
        let scalar = !matches!(first, b'{' | b'[' | b'"');
        let (mut i, mut depth, mut in_string, mut escaped) = (0usize, 0u32, false, false);
        loop {
            let Some(&b) = self.buf.get(self.pos + i) else {
                if self.more()? {
                    continue;
                }
                if scalar {
                    break;
                }
                return Err(Failure::Cut("it ends too early".into()));
            };
            i += 1;
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                    if depth == 0 {
                        break;
                    }
                }
            } else if scalar {
                if matches!(b, b',' | b'}' | b']' | b':' | b' ' | b'\n' | b'\r' | b'\t') {
                    i -= 1;
                    break;
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
        let start = self.pos;
        self.pos += i;
        Ok(&self.buf[start..start + i])
    }
}

/// The top-level object, piece by piece.
fn stream<R: Read, S: DeserializeOwned>(
    p: &mut Pieces<R>,
    each: EachSession<S>,
    state: &mut State,
) -> Result<ExportFrame, Failure> {
    let mut fields = Fields::default();
    p.expect(b"{")?;
    if p.peek()? == Some(b'}') {
        p.pos += 1;
    } else {
        loop {
            let key: String = serde_json::from_slice(p.value()?)?;
            p.expect(b":")?;
            if key == "sessions" {
                fields.start_sessions::<serde_json::Error>(state)?;
                sessions(p, each, state)?;
            } else {
                let mut de = serde_json::Deserializer::from_slice(p.value()?);
                fields.field(state, &key, &mut de)?;
                de.end()?;
            }
            if p.expect(b",}")? == b'}' {
                break;
            }
        }
    }
    if p.peek()?.is_some() {
        return Err(Failure::Cut("trailing characters after the document".into()));
    }
    Ok(fields.finish::<serde_json::Error>(state)?)
}

/// The sessions array, one element at a time.
fn sessions<R: Read, S: DeserializeOwned>(
    p: &mut Pieces<R>,
    each: EachSession<S>,
    state: &mut State,
) -> Result<(), Failure> {
    if p.peek()? != Some(b'[') {
        // Not an array: serde names what it is.
        let mut de = serde_json::Deserializer::from_slice(p.value()?);
        SessionsSeed { each, state }.deserialize(&mut de)?;
        return Ok(());
    }
    p.pos += 1;
    if p.peek()? == Some(b']') {
        p.pos += 1;
        return Ok(());
    }
    loop {
        let session = p.session()?;
        each(session).map_err(Failure::Stopped)?;
        if p.expect(b",]")? == b']' {
            return Ok(());
        }
    }
}

struct DocumentSeed<'s, 'e, S> {
    each: EachSession<'e, S>,
    state: &'s mut State,
}

impl<'de, S: DeserializeOwned> DeserializeSeed<'de> for DocumentSeed<'_, '_, S> {
    type Value = ExportFrame;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<ExportFrame, D::Error> {
        d.deserialize_map(self)
    }
}

/// The frame's fields as they are read, in any order, each at most once (as serde's
/// derive reads a struct); the format and version go to [`State`].
#[derive(Default)]
struct Fields {
    app_version: Option<String>,
    exported_at: Option<crate::time::WallTime>,
    from: Option<Option<String>>,
    to: Option<Option<String>>,
    patient: Option<crate::patient::Profile>,
    parameters: Option<Vec<crate::params::ParameterInfo>>,
    journal: Option<Vec<crate::patient::JournalEntry>>,
    ladder: Option<Vec<super::LadderStep>>,
    reminders: Option<Option<super::ExportReminders>>,
    stages: Option<Vec<super::ExportStageEvent>>,
    stage_plans: Option<Vec<super::ExportStagePlan>>,
    plans: Option<Vec<super::ExportPlan>>,
    texture_ladder: Option<Option<Vec<String>>>,
    exposure_ladder: Option<Option<Vec<super::ExportExposureStep>>>,
    sessions: bool,
}

/// Sets a field once; a second occurrence is refused as serde's derive refuses it.
fn once<'de, D: Deserializer<'de>, T: serde::Deserialize<'de>>(
    slot: &mut Option<T>,
    name: &'static str,
    value: D,
) -> Result<(), D::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(T::deserialize(value)?);
    Ok(())
}

impl Fields {
    /// Reads the value of `key` (anything but `sessions`; unknown keys are skipped).
    fn field<'de, D: Deserializer<'de>>(
        &mut self,
        state: &mut State,
        key: &str,
        value: D,
    ) -> Result<(), D::Error> {
        match key {
            "format" => once(&mut state.format, "format", value),
            "format_version" => once(&mut state.version, "format_version", value),
            "app_version" => once(&mut self.app_version, "app_version", value),
            "exported_at" => once(&mut self.exported_at, "exported_at", value),
            "from" => once(&mut self.from, "from", value),
            "to" => once(&mut self.to, "to", value),
            "patient" => once(&mut self.patient, "patient", value),
            "parameters" => once(&mut self.parameters, "parameters", value),
            "journal" => once(&mut self.journal, "journal", value),
            "ladder" => once(&mut self.ladder, "ladder", value),
            "reminders" => once(&mut self.reminders, "reminders", value),
            "stages" => once(&mut self.stages, "stages", value),
            "stage_plans" => once(&mut self.stage_plans, "stage_plans", value),
            "plans" => once(&mut self.plans, "plans", value),
            "texture_ladder" => once(&mut self.texture_ladder, "texture_ladder", value),
            "exposure_ladder" => once(&mut self.exposure_ladder, "exposure_ladder", value),
            _ => <IgnoredAny as serde::Deserialize>::deserialize(value).map(drop),
        }
    }

    /// Before the sessions: once only, and not for a document its header refuses.
    fn start_sessions<E: de::Error>(&mut self, state: &mut State) -> Result<(), E> {
        if std::mem::replace(&mut self.sessions, true) {
            return Err(E::duplicate_field("sessions"));
        }
        if let Some(problem) = state.header_problem() {
            state.problem = Some(problem);
            return Err(E::custom("refused by its header"));
        }
        Ok(())
    }

    fn finish<E: de::Error>(self, state: &State) -> Result<ExportFrame, E> {
        let missing = |name: &'static str| E::missing_field(name);
        if !self.sessions {
            return Err(missing("sessions"));
        }
        Ok(ExportFrame {
            format: state.format.clone().ok_or_else(|| missing("format"))?,
            format_version: state.version.ok_or_else(|| missing("format_version"))?,
            app_version: self.app_version.ok_or_else(|| missing("app_version"))?,
            exported_at: self.exported_at.ok_or_else(|| missing("exported_at"))?,
            from: self.from.flatten(),
            to: self.to.flatten(),
            patient: self.patient.ok_or_else(|| missing("patient"))?,
            parameters: self.parameters.ok_or_else(|| missing("parameters"))?,
            journal: self.journal.ok_or_else(|| missing("journal"))?,
            ladder: self.ladder.ok_or_else(|| missing("ladder"))?,
            reminders: self.reminders.flatten(),
            stages: self.stages.unwrap_or_default(),
            stage_plans: self.stage_plans.unwrap_or_default(),
            plans: self.plans.unwrap_or_default(),
            texture_ladder: self.texture_ladder.flatten(),
            exposure_ladder: self.exposure_ladder.flatten(),
        })
    }
}

/// One field's value, read by [`Fields::field`] from the map being visited.
struct FieldSeed<'a> {
    fields: &'a mut Fields,
    state: &'a mut State,
    key: &'a str,
}

impl<'de> DeserializeSeed<'de> for FieldSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.fields.field(self.state, self.key, d)
    }
}

impl<'de, S: DeserializeOwned> Visitor<'de> for DocumentSeed<'_, '_, S> {
    type Value = ExportFrame;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Proprio export")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ExportFrame, A::Error> {
        let mut fields = Fields::default();
        while let Some(key) = map.next_key::<String>()? {
            if key == "sessions" {
                fields.start_sessions::<A::Error>(self.state)?;
                map.next_value_seed(SessionsSeed { each: &mut *self.each, state: &mut *self.state })?;
            } else {
                map.next_value_seed(FieldSeed { fields: &mut fields, state: &mut *self.state, key: &key })?;
            }
        }
        fields.finish(self.state)
    }
}

struct SessionsSeed<'s, 'e, S> {
    each: EachSession<'e, S>,
    state: &'s mut State,
}

impl<'de, S: DeserializeOwned> DeserializeSeed<'de> for SessionsSeed<'_, '_, S> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, S: DeserializeOwned> Visitor<'de> for SessionsSeed<'_, '_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of sessions")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(session) = seq.next_element::<S>()? {
            if let Err(e) = (self.each)(session) {
                self.state.problem = Some(e);
                return Err(de::Error::custom("stopped by the reader"));
            }
        }
        Ok(())
    }
}

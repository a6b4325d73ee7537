//! One layout for every binary file tidings saves (the dedup index, the tagger model): a magic
//! string naming the format, a `u32` format version, the body (little-endian numbers, strings
//! with a `u32` length, arrays whose lengths the body declares before them), and an xxh3
//! checksum of everything before it.
//!
//! [`Reader::open`] checks the magic, the version and the checksum before any field is read,
//! and every read checks the bytes it needs against the bytes left before allocating, so a
//! truncated, foreign, damaged or hostile file is a clear [`Error::Model`]: never a panic, never
//! a huge allocation.

use std::io::Read;
use std::path::Path;

use xxhash_rust::xxh3::xxh3_64;

use crate::error::{Error, Result};

/// A saved format: its magic bytes, the version this build writes and reads, and what it is
/// called in error messages ("dedup index").
#[derive(Debug, Clone, Copy)]
pub struct Format {
    pub magic: &'static [u8],
    pub version: u32,
    pub name: &'static str,
}

const CHECKSUM_BYTES: usize = 8;

/// A fixed-size little-endian value.
pub trait Scalar: Sized + Copy {
    const SIZE: usize;
    fn read_le(bytes: &[u8]) -> Self;
    fn write_le(self, out: &mut Vec<u8>);
}

macro_rules! scalar {
    ($($t:ty),*) => {$(
        impl Scalar for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            fn read_le(bytes: &[u8]) -> Self {
                let mut array = [0u8; std::mem::size_of::<$t>()];
                array.copy_from_slice(bytes);
                <$t>::from_le_bytes(array)
            }
            fn write_le(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
        }
    )*};
}

scalar!(u16, i16, u32, u64, f32, f64);

/// Builds a file: header first, checksum on [`Writer::finish`].
#[derive(Debug)]
pub struct Writer {
    out: Vec<u8>,
}

impl Writer {
    /// A file of `format`, with room for `body_bytes` of body.
    pub fn new(format: &Format, body_bytes: usize) -> Self {
        let mut out = Vec::with_capacity(format.magic.len() + 4 + body_bytes + CHECKSUM_BYTES);
        out.extend_from_slice(format.magic);
        out.extend_from_slice(&format.version.to_le_bytes());
        Writer { out }
    }

    pub fn put<T: Scalar>(&mut self, value: T) {
        value.write_le(&mut self.out);
    }

    /// The values one after the other (their count is the caller's to declare).
    pub fn put_all<T: Scalar>(&mut self, values: &[T]) {
        self.out.reserve(values.len() * T::SIZE);
        for &value in values {
            value.write_le(&mut self.out);
        }
    }

    /// A string as its `u32` byte length and its UTF-8 bytes.
    pub fn put_str(&mut self, text: &str) {
        self.put(text.len() as u32);
        self.out.extend_from_slice(text.as_bytes());
    }

    /// The file: everything written, then the checksum of it.
    pub fn finish(mut self) -> Vec<u8> {
        let checksum = xxh3_64(&self.out);
        self.out.extend_from_slice(&checksum.to_le_bytes());
        self.out
    }
}

fn invalid(format: &Format, why: &str) -> Error {
    Error::Model(format!("not a valid tidings {}: {why}", format.name))
}

/// Checks the magic and the version at the start of `bytes` (which may hold just the header);
/// returns the header's length.
fn check_header(bytes: &[u8], format: &Format) -> Result<usize> {
    let magic = format.magic;
    let head = &bytes[..bytes.len().min(magic.len())];
    if head != &magic[..head.len()] || bytes.is_empty() {
        return Err(invalid(
            format,
            &format!("the file does not start with the {} header", format.name),
        ));
    }
    let header = magic.len() + 4;
    if bytes.len() < header {
        return Err(invalid(format, "the file is truncated"));
    }
    let version = u32::read_le(&bytes[magic.len()..header]);
    if version != format.version {
        return Err(Error::Model(format!(
            "this {} has format version {version}; this tidings reads version {}",
            format.name, format.version
        )));
    }
    Ok(header)
}

/// Reads a file of `format` from `path` without trusting it, for [`Reader::open`]: first the
/// header alone (a foreign file or an endless device such as `/dev/zero` stops there), then the
/// `fixed` bytes at the start of the body, from which `declared` computes how many body bytes
/// follow them; then exactly those bytes and the checksum. A regular file whose size differs
/// from the declared one is refused before the rest is read, and the buffer grows only with
/// bytes that really arrive.
pub fn read_file(
    path: &Path,
    format: &Format,
    fixed: usize,
    declared: impl FnOnce(&mut Reader<'_>) -> Result<usize>,
) -> Result<Vec<u8>> {
    let cannot_read = |e: std::io::Error| {
        Error::Io(format!(
            "cannot read the {} {}: {e}",
            format.name,
            path.display()
        ))
    };
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let regular_size = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    let mut source = file;
    let mut bytes = Vec::new();
    let header = format.magic.len() + 4;
    read_more(&mut source, &mut bytes, header).map_err(cannot_read)?;
    check_header(&bytes, format)?;
    read_more(&mut source, &mut bytes, fixed).map_err(cannot_read)?;
    if bytes.len() < header + fixed {
        return Err(invalid(format, "the file is truncated"));
    }
    let mut sizes = Reader {
        body: &bytes[header..],
        at: 0,
        format: *format,
    };
    let total = declared(&mut sizes)?
        .checked_add(header + fixed + CHECKSUM_BYTES)
        .ok_or_else(|| invalid(format, "a declared length is out of range"))?;
    if regular_size.is_some_and(|size| size != total as u64) {
        return Err(invalid(
            format,
            "the file size does not match its header (the file is truncated or damaged)",
        ));
    }
    let rest = total - bytes.len();
    read_more(&mut source, &mut bytes, rest).map_err(cannot_read)?;
    Ok(bytes)
}

/// Appends at most `count` more bytes of `source` to `bytes` (fewer at the end of the file).
/// Reads a file of `format` whose body's length only its parsing tells (so it cannot be
/// declared up front as [`read_file`] needs): the header alone first, then no more than the
/// regular file's size. A device or pipe (`/dev/zero`) is refused, as it may never end.
pub fn read_regular_file(path: &Path, format: &Format) -> Result<Vec<u8>> {
    let cannot_read = |e: std::io::Error| {
        Error::Io(format!(
            "cannot read the {} {}: {e}",
            format.name,
            path.display()
        ))
    };
    let mut file = std::fs::File::open(path).map_err(cannot_read)?;
    let mut bytes = Vec::new();
    read_more(&mut file, &mut bytes, format.magic.len() + 4).map_err(cannot_read)?;
    check_header(&bytes, format)?;
    let metadata = file.metadata().map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(Error::Io(format!(
            "cannot read the {} {}: not a regular file",
            format.name,
            path.display()
        )));
    }
    let size = metadata.len();
    let rest = usize::try_from(size)
        .map_err(|_| invalid(format, "the file is too large"))?
        .saturating_sub(bytes.len());
    read_more(&mut file, &mut bytes, rest).map_err(cannot_read)?;
    Ok(bytes)
}

fn read_more(source: &mut impl Read, bytes: &mut Vec<u8>, count: usize) -> std::io::Result<()> {
    source.take(count as u64).read_to_end(bytes).map(drop)
}

/// Reads the body of a file checked by [`Reader::open`].
#[derive(Debug)]
pub struct Reader<'a> {
    body: &'a [u8],
    at: usize,
    format: Format,
}

impl<'a> Reader<'a> {
    /// Checks the header and the checksum of `bytes`; the reader then stands at the body.
    pub fn open(bytes: &'a [u8], format: &Format) -> Result<Self> {
        let header = check_header(bytes, format)?;
        if bytes.len() < header + CHECKSUM_BYTES {
            return Err(invalid(format, "the file is truncated"));
        }
        let (body, checksum) = bytes.split_at(bytes.len() - CHECKSUM_BYTES);
        if xxh3_64(body) != u64::read_le(checksum) {
            return Err(invalid(
                format,
                "the checksum does not match (the file is damaged or truncated)",
            ));
        }
        Ok(Reader {
            body,
            at: header,
            format: *format,
        })
    }

    /// The error for a file whose checksum is right but whose content is not ("a pair names a
    /// document outside the index").
    pub fn invalid(&self, why: &str) -> Error {
        invalid(&self.format, why)
    }

    pub fn remaining(&self) -> usize {
        self.body.len() - self.at
    }

    /// The next `len` bytes.
    fn take(&mut self, len: usize) -> Result<&'a [u8]> {
        if len > self.remaining() {
            return Err(self.invalid("the file ends before its declared content"));
        }
        let slice = &self.body[self.at..self.at + len];
        self.at += len;
        Ok(slice)
    }

    pub fn get<T: Scalar>(&mut self) -> Result<T> {
        self.take(T::SIZE).map(T::read_le)
    }

    /// A `u64` length or count, as a `usize`.
    pub fn get_len(&mut self) -> Result<usize> {
        let value = self.get::<u64>()?;
        usize::try_from(value).map_err(|_| self.invalid("a declared length is out of range"))
    }

    /// `count` values; the bytes they need are checked before anything is allocated.
    pub fn get_all<T: Scalar>(&mut self, count: usize) -> Result<Vec<T>> {
        let bytes = count
            .checked_mul(T::SIZE)
            .ok_or_else(|| self.invalid("a declared length is out of range"))?;
        Ok(self
            .take(bytes)?
            .chunks_exact(T::SIZE)
            .map(T::read_le)
            .collect())
    }

    /// A string written by [`Writer::put_str`], at most `max_len` bytes.
    pub fn get_str(&mut self, max_len: usize) -> Result<&'a str> {
        let len = self.get::<u32>()? as usize;
        if len > max_len {
            return Err(self.invalid("a declared string length is out of range"));
        }
        std::str::from_utf8(self.take(len)?).map_err(|_| self.invalid("a string is not UTF-8"))
    }

    /// Ends reading: the body must be used up.
    pub fn finish(self) -> Result<()> {
        if self.remaining() == 0 {
            Ok(())
        } else {
            Err(self.invalid("unexpected bytes after the declared content"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORMAT: Format = Format {
        magic: b"TEST-FMT",
        version: 3,
        name: "test file",
    };

    fn sample() -> Vec<u8> {
        let mut w = Writer::new(&FORMAT, 64);
        w.put(7u32);
        w.put_str("Iran’s");
        w.put(2u64);
        w.put_all(&[-1i16, 300]);
        w.put(0.5f64);
        w.finish()
    }

    #[test]
    fn round_trip() {
        let bytes = sample();
        let mut r = Reader::open(&bytes, &FORMAT).unwrap();
        assert_eq!(r.get::<u32>().unwrap(), 7);
        assert_eq!(r.get_str(64).unwrap(), "Iran’s");
        let n = r.get_len().unwrap();
        assert_eq!(r.get_all::<i16>(n).unwrap(), [-1, 300]);
        assert_eq!(r.get::<f64>().unwrap(), 0.5);
        r.finish().unwrap();
    }

    fn model_error(result: Result<impl std::fmt::Debug>) -> String {
        match result {
            Err(Error::Model(message)) => message,
            other => panic!("expected a model error, got {other:?}"),
        }
    }

    #[test]
    fn refuses_foreign_truncated_damaged_and_other_versions() {
        let bytes = sample();
        for cut in [0, 3, 8, 12, 19, bytes.len() - 1] {
            let message = model_error(Reader::open(&bytes[..cut], &FORMAT));
            assert!(message.contains("test file"), "{message}");
        }
        assert!(model_error(Reader::open(b"PK\x03\x04 a zip file", &FORMAT)).contains("header"));
        let mut damaged = bytes.clone();
        damaged[14] ^= 1;
        assert!(model_error(Reader::open(&damaged, &FORMAT)).contains("checksum"));
        let mut other = Writer::new(
            &Format {
                version: 4,
                ..FORMAT
            },
            0,
        );
        other.put(1u32);
        let message = model_error(Reader::open(&other.finish(), &FORMAT));
        assert!(message.contains("version 4") && message.contains("version 3"));
    }

    /// A file of `FORMAT` holding a count and that many u16 values.
    fn counted(values: &[u16]) -> Vec<u8> {
        let mut w = Writer::new(&FORMAT, 8 + 2 * values.len());
        w.put(values.len() as u64);
        w.put_all(values);
        w.finish()
    }

    fn read_counted(path: &Path) -> Result<Vec<u16>> {
        let bytes = read_file(path, &FORMAT, 8, |sizes| {
            let n = sizes.get_len()?;
            n.checked_mul(2)
                .ok_or_else(|| sizes.invalid("a declared length is out of range"))
        })?;
        let mut r = Reader::open(&bytes, &FORMAT)?;
        let n = r.get_len()?;
        r.get_all(n)
    }

    #[test]
    fn files_are_read_no_further_than_declared() {
        let folder = std::env::temp_dir().join(format!("tidings-persist-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join("values.bin");
        let bytes = counted(&[1, 2, 3]);
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(read_counted(&path).unwrap(), [1, 2, 3]);
        for cut in [0, 5, 12, 20, bytes.len() - 1] {
            std::fs::write(&path, &bytes[..cut]).unwrap();
            assert!(model_error(read_counted(&path)).contains("test file"));
        }
        let mut longer = bytes.clone();
        longer.push(0);
        std::fs::write(&path, &longer).unwrap();
        assert!(model_error(read_counted(&path)).contains("size does not match"));
        let mut huge = bytes[..12].to_vec();
        huge.extend_from_slice(&(u64::MAX / 2).to_le_bytes());
        std::fs::write(&path, &huge).unwrap();
        assert!(model_error(read_counted(&path)).contains("out of range"));
        std::fs::remove_dir_all(&folder).unwrap();
        // An endless device is refused after its first bytes.
        if Path::new("/dev/zero").exists() {
            assert!(model_error(read_counted(Path::new("/dev/zero"))).contains("header"));
        }
        assert!(matches!(
            read_counted(&folder.join("missing.bin")),
            Err(Error::Io(_))
        ));
    }

    #[test]
    fn declared_lengths_are_checked_before_allocating() {
        let mut w = Writer::new(&FORMAT, 16);
        w.put(u64::MAX / 2);
        w.put(u32::MAX);
        let bytes = w.finish();
        let mut r = Reader::open(&bytes, &FORMAT).unwrap();
        let huge = r.get_len().unwrap();
        assert!(model_error(r.get_all::<u64>(huge)).contains("out of range"));
        let mut r = Reader::open(&bytes, &FORMAT).unwrap();
        assert!(model_error(r.get_all::<u16>(1 << 40)).contains("ends before"));
        let mut r = Reader::open(&bytes, &FORMAT).unwrap();
        r.get::<u64>().unwrap();
        assert!(model_error(r.get_str(10)).contains("out of range"));
        let mut r = Reader::open(&bytes, &FORMAT).unwrap();
        r.get::<u64>().unwrap();
        assert!(model_error(r.finish()).contains("unexpected bytes"));
    }
}

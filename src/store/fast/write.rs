//! Writes a value exactly as `ron`'s pretty printer does with the settings Milepost uses
//! (four spaces, `\n`, pretty up to depth 3, no struct names, escaped strings, no extensions),
//! only faster: integers and strings are written directly instead of through `fmt`.
//!
//! The rules are those of `ron::ser::Serializer` 0.12, kept line for line where they matter
//! (when to break lines, when to indent, the trailing comma). What the model never serializes
//! (maps, tuples, bytes, struct and tuple variants) and identifiers that are not plain ASCII
//! make it give up, and `ron` writes the text instead.

use serde::ser::{self, Serialize};

use super::NotSure;

type Result<T> = std::result::Result<T, NotSure>;

/// Lines break, and nested values are indented, down to this depth; deeper values stay on one
/// line. The same number as the `depth_limit` given to `ron`.
pub const DEPTH_LIMIT: usize = 3;

const INDENT: &str = "    ";

/// The pretty text of `value`, or `None` when the fast writer is not sure to match `ron`.
///
/// `capacity` is a guess of the length, to spare copies as the text grows.
pub fn to_string<T: Serialize + ?Sized>(value: &T, capacity: usize) -> Option<String> {
    let mut writer = Writer {
        out: Vec::with_capacity(capacity),
        indent: 0,
        is_empty: None,
        plain_names: [(0, 0); NAME_CACHE],
    };
    value.serialize(&mut writer).ok()?;
    // Everything written came from `str`s and ASCII, so this only confirms it.
    String::from_utf8(writer.out).ok()
}

/// How many field names are remembered as checked.
const NAME_CACHE: usize = 64;

/// The output and the pretty printer's state.
struct Writer {
    out: Vec<u8>,
    /// How deeply nested the value being written is.
    indent: usize,
    /// Whether the list or struct just opened is empty (`ron` keeps this between calls).
    is_empty: Option<bool>,
    /// Addresses and lengths of names already found plain and needing no `r#`: the same few
    /// names (those of the model's fields) are written over and over.
    plain_names: [(usize, usize); NAME_CACHE],
}

impl Writer {
    fn start_indent(&mut self) {
        self.indent += 1;
        if self.indent <= DEPTH_LIMIT && !self.is_empty.unwrap_or(false) {
            self.out.push(b'\n');
        }
    }

    fn write_indent(&mut self) {
        if self.indent <= DEPTH_LIMIT {
            for _ in 0..self.indent {
                self.out.extend_from_slice(INDENT.as_bytes());
            }
        }
    }

    fn end_indent(&mut self) {
        if self.indent <= DEPTH_LIMIT && !self.is_empty.unwrap_or(false) {
            for _ in 1..self.indent {
                self.out.extend_from_slice(INDENT.as_bytes());
            }
        }
        self.indent -= 1;
        self.is_empty = None;
    }

    /// Before every element or field but the first: the comma and a line break or a space.
    fn separate(&mut self, first: &mut bool) {
        if *first {
            *first = false;
        } else {
            self.out.push(b',');
            self.out.push(if self.indent <= DEPTH_LIMIT {
                b'\n'
            } else {
                b' '
            });
        }
    }

    /// After the last element or field, when the value is pretty: a trailing comma.
    fn close(&mut self, first: bool) {
        if !first && self.indent <= DEPTH_LIMIT {
            self.out.extend_from_slice(b",\n");
        }
        self.end_indent();
    }

    fn unsigned(&mut self, mut value: u64) {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (value % 10) as u8;
            value /= 10;
            if value == 0 {
                break;
            }
        }
        self.out.extend_from_slice(&digits[start..]);
    }

    fn signed(&mut self, value: i64) {
        if value < 0 {
            self.out.push(b'-');
        }
        self.unsigned(value.unsigned_abs());
    }

    /// A string in double quotes, escaped as `char::escape_debug` escapes each character.
    fn string(&mut self, text: &str) {
        self.out.push(b'"');
        let bytes = text.as_bytes();
        let mut run = 0;
        let mut index = 0;
        while index < bytes.len() {
            if !SPECIAL[usize::from(bytes[index])] {
                index += 1;
                continue;
            }
            self.out.extend_from_slice(&bytes[run..index]);
            let Some(character) = text[index..].chars().next() else {
                break;
            };
            let escaped = character.escape_debug();
            if escaped.len() == 1 {
                let mut buffer = [0u8; 4];
                self.out
                    .extend_from_slice(character.encode_utf8(&mut buffer).as_bytes());
            } else {
                for piece in escaped {
                    // The escapes are ASCII.
                    self.out.push(piece as u8);
                }
            }
            index += character.len_utf8();
            run = index;
        }
        self.out.extend_from_slice(&bytes[run..]);
        self.out.push(b'"');
    }

    /// A field or variant name, with `r#` where `ron` would put it.
    fn identifier(&mut self, name: &'static str) -> Result<()> {
        let key = (name.as_ptr() as usize, name.len());
        let slot = (key.0 >> 3) % NAME_CACHE;
        if self.plain_names[slot] != key {
            let Some(&first) = name.as_bytes().first() else {
                return Err(NotSure);
            };
            if !is_plain(name) {
                return Err(NotSure);
            }
            let raw = !(first.is_ascii_alphabetic() || first == b'_')
                || (matches!(first, b't' | b'f' | b'S' | b'N' | b'i') && is_keyword(name));
            if raw {
                self.out.extend_from_slice(b"r#");
            } else {
                self.plain_names[slot] = key;
            }
        }
        self.out.extend_from_slice(name.as_bytes());
        Ok(())
    }
}

/// The bytes a string cannot hold as they are, or that begin a character that may need an
/// escape: all but printable ASCII, and the quotes and the backslash.
const SPECIAL: [bool; 256] = {
    let mut table = [true; 256];
    let mut byte = b' ';
    while byte <= b'~' {
        table[byte as usize] = matches!(byte, b'"' | b'\'' | b'\\');
        byte += 1;
    }
    table
};

/// The words `ron` writes as raw identifiers although they are plain.
fn is_keyword(name: &str) -> bool {
    [
        "true", "false", "Some", "None", "inf", "inff32", "inff64", "NaN", "NaNf32", "NaNf64",
    ]
    .contains(&name)
}

/// ASCII letters, digits and underscores, at least one: names `ron` accepts and the fast
/// writer handles.
fn is_plain(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_')
}

fn check_name(name: &str) -> Result<()> {
    if is_plain(name) { Ok(()) } else { Err(NotSure) }
}

/// `Serializer` methods for the narrower integers: each widens its value and writes it with one
/// `Writer` method.
macro_rules! integers {
    ($($($method:ident($type:ty)),+ => $write:ident;)+) => {
        $($(
            fn $method(self, value: $type) -> Result<()> {
                self.$write(value.into());
                Ok(())
            }
        )+)+
    };
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = NotSure;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = ser::Impossible<(), NotSure>;
    type SerializeTupleStruct = ser::Impossible<(), NotSure>;
    type SerializeTupleVariant = ser::Impossible<(), NotSure>;
    type SerializeMap = ser::Impossible<(), NotSure>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = ser::Impossible<(), NotSure>;

    fn serialize_bool(self, value: bool) -> Result<()> {
        self.out
            .extend_from_slice(if value { b"true" } else { b"false" });
        Ok(())
    }

    integers! {
        serialize_i8(i8), serialize_i16(i16), serialize_i32(i32) => signed;
        serialize_u8(u8), serialize_u16(u16), serialize_u32(u32) => unsigned;
    }

    fn serialize_i64(self, value: i64) -> Result<()> {
        self.signed(value);
        Ok(())
    }

    fn serialize_u64(self, value: u64) -> Result<()> {
        self.unsigned(value);
        Ok(())
    }

    fn serialize_f32(self, value: f32) -> Result<()> {
        use std::io::Write as _;
        if value.is_nan() && value.is_sign_negative() {
            self.out.push(b'-');
        }
        write!(self.out, "{value:?}").map_err(|_| NotSure)
    }

    fn serialize_f64(self, value: f64) -> Result<()> {
        use std::io::Write as _;
        if value.is_nan() && value.is_sign_negative() {
            self.out.push(b'-');
        }
        write!(self.out, "{value:?}").map_err(|_| NotSure)
    }

    fn serialize_char(self, _value: char) -> Result<()> {
        Err(NotSure)
    }

    fn serialize_str(self, value: &str) -> Result<()> {
        self.string(value);
        Ok(())
    }

    fn serialize_bytes(self, _value: &[u8]) -> Result<()> {
        Err(NotSure)
    }

    fn serialize_none(self) -> Result<()> {
        self.out.extend_from_slice(b"None");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        self.out.extend_from_slice(b"Some(");
        value.serialize(&mut *self)?;
        self.out.push(b')');
        Ok(())
    }

    fn serialize_unit(self) -> Result<()> {
        self.out.extend_from_slice(b"()");
        Ok(())
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<()> {
        check_name(name)?;
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        _variant_index: u32,
        variant: &'static str,
    ) -> Result<()> {
        check_name(name)?;
        self.identifier(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        check_name(name)?;
        self.out.push(b'(');
        value.serialize(&mut *self)?;
        self.out.push(b')');
        Ok(())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _variant_index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        check_name(name)?;
        self.identifier(variant)?;
        self.out.push(b'(');
        value.serialize(&mut *self)?;
        self.out.push(b')');
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a>> {
        self.out.push(b'[');
        if let Some(len) = len {
            self.is_empty = Some(len == 0);
        }
        self.start_indent();
        Ok(Compound {
            writer: self,
            first: true,
        })
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(NotSure)
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(NotSure)
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _variant_index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(NotSure)
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(NotSure)
    }

    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Compound<'a>> {
        // `ron` may write the standard ranges in a syntax of their own.
        if name.starts_with("Range") {
            return Err(NotSure);
        }
        check_name(name)?;
        self.out.push(b'(');
        self.is_empty = Some(len == 0);
        self.start_indent();
        Ok(Compound {
            writer: self,
            first: true,
        })
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _variant_index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(NotSure)
    }
}

/// A list or struct being written.
pub struct Compound<'a> {
    writer: &'a mut Writer,
    first: bool,
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = NotSure;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.writer.separate(&mut self.first);
        self.writer.write_indent();
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<()> {
        self.writer.close(self.first);
        self.writer.out.push(b']');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = NotSure;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.writer.separate(&mut self.first);
        self.writer.write_indent();
        self.writer.identifier(key)?;
        self.writer.out.extend_from_slice(b": ");
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<()> {
        self.writer.close(self.first);
        self.writer.out.push(b')');
        Ok(())
    }
}

//! Reads the RON that Milepost writes, quickly, or gives up.
//!
//! The grammar understood: structs without names `(field: value, ...)`, lists `[...]`, strings
//! in double quotes with the escapes `\" \' \\ \n \r \t \0 \u{...}`, decimal integers, decimal
//! floats, `true`/`false`, `Some(...)`/`None`, enum variants without data, and the blanks
//! space, tab, line feed and carriage return, with optional trailing commas. Anything else
//! (comments, raw strings, struct names, a bare value for an option, other escapes, leading
//! zeros or signs on numbers, other blanks) makes the reader give up; so does every error,
//! including those of the serde implementations (an unknown field, a missing one, a bad date).
//!
//! Where it does not give up, it hands the model's serde implementations the same primitive
//! values as `ron` would, so it builds the same value `ron` would.

use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, Visitor};

use super::NotSure;

type Result<T> = std::result::Result<T, NotSure>;

/// Reads a whole document of type `T`, or `None` when the fast reader is not sure.
pub fn from_str<T: de::DeserializeOwned>(text: &str) -> Option<T> {
    let mut reader = Reader { text, pos: 0 };
    reader.skip_blanks();
    let value = T::deserialize(&mut reader).ok()?;
    reader.skip_blanks();
    (reader.pos == text.len()).then_some(value)
}

/// The state of the reader: the text and how far it got.
struct Reader<'de> {
    text: &'de str,
    pos: usize,
}

impl<'de> Reader<'de> {
    /// Reads what stands between `open` and `close`, entries separated by commas, through
    /// `visit`.
    fn enclosed<T>(
        &mut self,
        open: u8,
        close: u8,
        visit: impl FnOnce(Commas<'_, 'de>) -> Result<T>,
    ) -> Result<T> {
        self.expect(open)?;
        let value = visit(Commas {
            reader: &mut *self,
            close,
            had_comma: true,
        })?;
        self.skip_blanks();
        self.expect(close)?;
        Ok(value)
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_blanks(&mut self) {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(NotSure)
        }
    }

    /// Whether a scalar just read is properly ended: by a blank, a comma or a closing bracket.
    fn ends_scalar(&self) -> Result<()> {
        match self.peek() {
            Some(b' ' | b'\n' | b'\t' | b'\r' | b',' | b')' | b']') => Ok(()),
            _ => Err(NotSure),
        }
    }

    /// An ASCII identifier; what follows it is checked by the caller's next expectation.
    fn identifier(&mut self) -> Result<&'de str> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        match bytes.get(start) {
            Some(byte) if byte.is_ascii_alphabetic() || *byte == b'_' => {}
            _ => return Err(NotSure),
        }
        let mut end = start + 1;
        while let Some(byte) = bytes.get(end)
            && (byte.is_ascii_alphanumeric() || *byte == b'_')
        {
            end += 1;
        }
        self.pos = end;
        Ok(&self.text[start..end])
    }

    /// An identifier that must be followed by the end of a scalar.
    fn word(&mut self) -> Result<&'de str> {
        let word = self.identifier()?;
        self.ends_scalar()?;
        Ok(word)
    }

    /// Decimal digits without a leading zero (a lone `0` is fine), as a `u64`.
    fn digits(&mut self) -> Result<u64> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut value: u64 = 0;
        while let Some(&byte) = bytes.get(self.pos)
            && byte.is_ascii_digit()
        {
            value = value
                .checked_mul(10)
                .and_then(|value| value.checked_add(u64::from(byte - b'0')))
                .ok_or(NotSure)?;
            self.pos += 1;
        }
        let count = self.pos - start;
        if count == 0 || (count > 1 && bytes[start] == b'0') {
            return Err(NotSure);
        }
        Ok(value)
    }

    fn unsigned(&mut self) -> Result<u64> {
        let value = self.digits()?;
        self.ends_scalar()?;
        Ok(value)
    }

    fn signed(&mut self) -> Result<i64> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let magnitude = self.digits()?;
        self.ends_scalar()?;
        if negative {
            0i64.checked_sub_unsigned(magnitude).ok_or(NotSure)
        } else {
            i64::try_from(magnitude).map_err(|_| NotSure)
        }
    }

    /// `-? digits (. digits)? ([eE] [+-]? digits)?`, `inf` or `NaN` with an optional `-`,
    /// read by the standard library as `ron` reads it.
    fn float(&mut self) -> Result<f64> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let run = |pos: &mut usize| {
            let from = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos += 1;
            }
            *pos > from
        };
        let mut pos = start;
        if bytes.get(pos) == Some(&b'-') {
            pos += 1;
        }
        if let Some(b'i' | b'N') = bytes.get(pos) {
            // `inf` and `NaN`, which `ron` hands to the standard library as they are.
            self.pos = pos;
            if !matches!(self.word()?, "inf" | "NaN") {
                return Err(NotSure);
            }
            return self.text[start..self.pos].parse().map_err(|_| NotSure);
        }
        if !run(&mut pos) {
            return Err(NotSure);
        }
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            if !run(&mut pos) {
                return Err(NotSure);
            }
        }
        if let Some(b'e' | b'E') = bytes.get(pos) {
            pos += 1;
            if let Some(b'+' | b'-') = bytes.get(pos) {
                pos += 1;
            }
            if !run(&mut pos) {
                return Err(NotSure);
            }
        }
        self.pos = pos;
        self.ends_scalar()?;
        self.text[start..pos].parse().map_err(|_| NotSure)
    }

    /// A string in double quotes; borrowed when it has no escapes.
    fn string(&mut self) -> Result<Cow<'de, str>> {
        self.expect(b'"')?;
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut pos = start;
        loop {
            match bytes.get(pos) {
                None => return Err(NotSure),
                Some(b'"') => {
                    self.pos = pos + 1;
                    return Ok(Cow::Borrowed(&self.text[start..pos]));
                }
                Some(b'\\') => break,
                Some(_) => pos += 1,
            }
        }
        let mut owned = String::with_capacity(pos - start + 16);
        owned.push_str(&self.text[start..pos]);
        loop {
            // `pos` is at a backslash.
            pos += 1;
            let escaped = match bytes.get(pos) {
                Some(b'"') => '"',
                Some(b'\'') => '\'',
                Some(b'\\') => '\\',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'0') => '\0',
                Some(b'u') => {
                    pos += 1;
                    if bytes.get(pos) != Some(&b'{') {
                        return Err(NotSure);
                    }
                    pos += 1;
                    let mut code: u32 = 0;
                    let mut count = 0;
                    while let Some(&byte) = bytes.get(pos)
                        && byte != b'}'
                    {
                        let digit = char::from(byte).to_digit(16).ok_or(NotSure)?;
                        count += 1;
                        if count > 6 {
                            return Err(NotSure);
                        }
                        code = code * 16 + digit;
                        pos += 1;
                    }
                    if count == 0 || bytes.get(pos) != Some(&b'}') {
                        return Err(NotSure);
                    }
                    char::from_u32(code).ok_or(NotSure)?
                }
                _ => return Err(NotSure),
            };
            owned.push(escaped);
            pos += 1;
            let run = pos;
            loop {
                match bytes.get(pos) {
                    None => return Err(NotSure),
                    Some(b'"') => {
                        owned.push_str(&self.text[run..pos]);
                        self.pos = pos + 1;
                        return Ok(Cow::Owned(owned));
                    }
                    Some(b'\\') => {
                        owned.push_str(&self.text[run..pos]);
                        break;
                    }
                    Some(_) => pos += 1,
                }
            }
        }
    }

    /// After an element of a list or a field of a struct: blanks, and a comma if there is one.
    fn comma(&mut self) -> bool {
        self.skip_blanks();
        if self.peek() == Some(b',') {
            self.pos += 1;
            self.skip_blanks();
            true
        } else {
            false
        }
    }
}

/// `Deserializer` methods for integers: each list of methods reads a number with one `Reader`
/// method and hands it to the visitor as the widest type of its sign.
macro_rules! integers {
    ($($($method:ident),+ => $visit:ident($read:ident);)+) => {
        $($(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                visitor.$visit(self.$read()?)
            }
        )+)+
    };
}

/// `Deserializer` methods this reader leaves to `ron`: each answers [`NotSure`].
macro_rules! not_sure {
    ($($method:ident($($arg:ident: $type:ty),*);)+) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $type,)* _visitor: V) -> Result<V::Value> {
                Err(NotSure)
            }
        )+
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = NotSure;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // Only what an untagged enum of the model needs: an id or a name.
        match self.peek() {
            Some(b'"') => self.deserialize_str(visitor),
            Some(b'0'..=b'9') => visitor.visit_u64(self.unsigned()?),
            _ => Err(NotSure),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.word()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(NotSure),
        }
    }

    integers! {
        deserialize_i8, deserialize_i16, deserialize_i32, deserialize_i64 => visit_i64(signed);
        deserialize_u8, deserialize_u16, deserialize_u32, deserialize_u64 => visit_u64(unsigned);
    }

    // Left to `ron`.
    not_sure! {
        deserialize_char();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_unit();
        deserialize_unit_struct(_name: &'static str);
        deserialize_newtype_struct(_name: &'static str);
        deserialize_tuple(_len: usize);
        deserialize_tuple_struct(_name: &'static str, _len: usize);
        deserialize_map();
        deserialize_ignored_any();
    }

    fn deserialize_f32<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        // `ron` rounds through `f32` text parsing; not worth copying for a type the model
        // does not use.
        Err(NotSure)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.float()?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // `None`, or `Some(value)`; a bare value (which `ron` also reads as `Some`) is left
        // to `ron`.
        match self.identifier()? {
            "None" => {
                self.ends_scalar()?;
                visitor.visit_none()
            }
            "Some" => {
                self.skip_blanks();
                self.expect(b'(')?;
                self.skip_blanks();
                let value = visitor.visit_some(&mut *self)?;
                self.comma();
                self.expect(b')')?;
                Ok(value)
            }
            _ => Err(NotSure),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.enclosed(b'[', b']', |entries| visitor.visit_seq(entries))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // `ron` reads the standard ranges in a syntax of their own.
        if name.starts_with("Range") {
            return Err(NotSure);
        }
        self.enclosed(b'(', b')', |fields| visitor.visit_map(fields))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let variant = self.word()?;
        visitor.visit_enum(UnitVariant(variant))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }
}

/// The elements of a list or the fields of a struct, separated by commas.
struct Commas<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
    had_comma: bool,
}

impl Commas<'_, '_> {
    /// Whether another element follows; without a comma before it, only the end may.
    fn has_element(&mut self) -> Result<bool> {
        self.reader.skip_blanks();
        let more = self.reader.peek() != Some(self.close);
        if more && !self.had_comma {
            return Err(NotSure);
        }
        Ok(more)
    }
}

impl<'de> de::SeqAccess<'de> for Commas<'_, 'de> {
    type Error = NotSure;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.reader)?;
        self.had_comma = self.reader.comma();
        Ok(Some(value))
    }
}

impl<'de> de::MapAccess<'de> for Commas<'_, 'de> {
    type Error = NotSure;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        let key = self.reader.identifier()?;
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.skip_blanks();
        self.reader.expect(b':')?;
        self.reader.skip_blanks();
        let value = seed.deserialize(&mut *self.reader)?;
        self.had_comma = self.reader.comma();
        Ok(value)
    }
}

/// An enum variant written as a bare name, without data.
struct UnitVariant<'de>(&'de str);

impl<'de> de::EnumAccess<'de> for UnitVariant<'de> {
    type Error = NotSure;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let value = seed.deserialize(de::value::BorrowedStrDeserializer::new(self.0))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant<'de> {
    type Error = NotSure;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value> {
        Err(NotSure)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(NotSure)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        Err(NotSure)
    }
}

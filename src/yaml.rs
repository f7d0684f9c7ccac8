//! The one place that speaks YAML.
//!
//! serde_yaml is the user's choice (deprecated upstream, still sound); keeping
//! every use of it behind these few functions means it could be swapped for
//! another parser by editing this file alone. Callers see plain Rust values and
//! [`YamlError`]s with a line number, never serde_yaml types.

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// A YAML document that could not be read, with the 1-based line it failed on
/// (relative to the start of the YAML text).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct YamlError {
    pub line: Option<usize>,
    pub message: String,
}

impl From<serde_yaml::Error> for YamlError {
    fn from(e: serde_yaml::Error) -> Self {
        let line = e.location().map(|l| l.line());
        // serde_yaml appends " at line X column Y"; we report the line ourselves.
        let text = e.to_string();
        let message = match text.find(" at line ") {
            Some(i) => text[..i].to_string(),
            None => text,
        };
        YamlError { line, message }
    }
}

/// One value of a front-matter key, reduced to what chapter files use.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Text(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
    Null,
    /// A list or a map: not expected in front matter, kept only to report it.
    Nested,
}

impl Scalar {
    /// The value as text, if it is a scalar (numbers are written out).
    pub fn as_text(&self) -> Option<String> {
        match self {
            Scalar::Text(s) => Some(s.clone()),
            Scalar::Integer(i) => Some(i.to_string()),
            Scalar::Float(f) => Some(f.to_string()),
            Scalar::Bool(b) => Some(b.to_string()),
            Scalar::Null | Scalar::Nested => None,
        }
    }
}

/// Parses a front-matter block into its top-level keys in document order.
pub fn parse_front_matter(text: &str) -> Result<Vec<(String, Scalar)>, YamlError> {
    let value: serde_yaml::Value = serde_yaml::from_str(text)?;
    let map = match value {
        serde_yaml::Value::Mapping(map) => map,
        serde_yaml::Value::Null => return Ok(Vec::new()),
        _ => {
            return Err(YamlError {
                line: Some(1),
                message: "front matter must be a list of `key: value` lines".into(),
            })
        }
    };
    Ok(map
        .into_iter()
        .map(|(k, v)| {
            let key = match k {
                serde_yaml::Value::String(s) => s,
                other => serde_yaml::to_string(&other)
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
            };
            (key, scalar(v))
        })
        .collect())
}

fn scalar(v: serde_yaml::Value) -> Scalar {
    use serde_yaml::Value as V;
    match v {
        V::String(s) => Scalar::Text(s),
        V::Number(n) => match n.as_i64() {
            Some(i) => Scalar::Integer(i),
            None => Scalar::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        V::Bool(b) => Scalar::Bool(b),
        V::Null => Scalar::Null,
        V::Tagged(t) => scalar(t.value),
        V::Sequence(_) | V::Mapping(_) => Scalar::Nested,
    }
}

/// Deserialises a whole YAML document (course index, config, glossary) into `T`.
pub fn parse_document<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    Ok(serde_yaml::from_str(text)?)
}

/// Parses `over` laid on `base`: a key `over` sets replaces `base`'s (nested
/// mappings merge key by key), every other key keeps `base`'s value.
pub fn parse_layered<T: DeserializeOwned>(base: &str, over: &str) -> Result<T, YamlError> {
    let mut merged: serde_yaml::Value = serde_yaml::from_str(base)?;
    let top: serde_yaml::Value = serde_yaml::from_str(over)?;
    lay(&mut merged, top);
    Ok(serde_yaml::from_value(merged)?)
}

fn lay(base: &mut serde_yaml::Value, over: serde_yaml::Value) {
    use serde_yaml::Value as V;
    match (base, over) {
        (_, V::Null) => {}
        (V::Mapping(base), V::Mapping(over)) => {
            for (key, value) in over {
                match base.get_mut(&key) {
                    Some(slot) if value.is_mapping() => lay(slot, value),
                    _ => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (base, over) => *base = over,
    }
}

/// A string or a number in YAML, read as a string (`start: 0:07:47` or `start: 467`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum TextOrNumber {
    Text(String),
    Number(u64),
}

impl TextOrNumber {
    pub fn to_text(&self) -> String {
        match self {
            TextOrNumber::Text(s) => s.clone(),
            TextOrNumber::Number(n) => n.to_string(),
        }
    }
}

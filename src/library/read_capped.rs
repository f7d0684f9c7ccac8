//! Reading a content file defensively: only regular files (a FIFO or a
//! device could block forever), and never one past the size cap, which is
//! refused before it is read.

use std::fs;
use std::io::Read;
use std::path::Path;

/// Reads a file, refusing (without reading it whole) one larger than `cap`.
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, String> {
    // Only regular files: opening a FIFO or a device could block or never end.
    let kind = fs::metadata(path).map_err(|e| format!("can't read file: {e}"))?;
    if !kind.is_file() {
        return Err("not a regular file; not loaded".to_string());
    }
    let file = fs::File::open(path).map_err(|e| format!("can't read file: {e}"))?;
    if let Ok(meta) = file.metadata() {
        if meta.len() > cap {
            return Err(format!(
                "file is {} bytes, over the {cap}-byte limit; not loaded",
                meta.len()
            ));
        }
    }
    let mut bytes = Vec::new();
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("can't read file: {e}"))?;
    if bytes.len() as u64 > cap {
        return Err(format!("file is over the {cap}-byte limit; not loaded"));
    }
    Ok(bytes)
}

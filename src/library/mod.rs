//! Courses and chapters, loaded from content folders into a validated model.
//!
//! `load` does the disk I/O; `chapter_file` and `course` are pure parsing and
//! validation; `layout` decides what a folder holds (chapter files, a whole
//! lecture in one `lecture_doc`, a talk); `model` is what every other module reads. Problems never stop
//! loading: they become [`Diagnostic`]s with `path:line`.

pub mod align;
pub mod captions;
pub mod changes;
pub mod chapter_file;
pub mod course;
pub mod diagnostics;
pub mod key_points;
pub mod layout;
pub mod lecture_doc;
pub mod load;
pub mod mapped;
mod marker_places;
pub mod markers;
pub mod model;
mod read_capped;
mod sibling_captions;
pub(crate) use sibling_captions::captions_folder_beside;
mod with_captions;

pub use diagnostics::{Diagnostic, Severity};
pub use load::{load_library, LoadOptions};
pub use model::{
    Anchor, BodyKind, Chapter, Course, CourseCaptions, KeyPoint, Library, Moment, Notes, Paragraph,
    SaidIn, Spoken,
};

//! A reader handing out at most `size` bytes a read, as chunks from JS can be (down to one
//! byte). The stream readers' tests (`tests/rank_ingest.rs`, `tests/json_readers.rs`) and the
//! fuzz target `reader` (`fuzz/common.rs`, also replayed by `tests/fuzz_corpus.rs`) read
//! through it; each includes this file with `#[path]` (a directory of `tests/` is not a test).

/// `data`, `size` bytes a read (at least one).
pub struct Pieces<'a> {
    data: &'a [u8],
    size: usize,
}

impl<'a> Pieces<'a> {
    pub fn new(data: &'a [u8], size: usize) -> Self {
        Pieces {
            data,
            size: size.max(1),
        }
    }
}

impl std::io::Read for Pieces<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.size.min(out.len()).min(self.data.len());
        let (head, rest) = self.data.split_at(n);
        out[..n].copy_from_slice(head);
        self.data = rest;
        Ok(n)
    }
}

//! The wasm-bindgen facade (compiled only for wasm32): translates JS values to the core and back.

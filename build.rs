//! Rebuilds Milepost when its translations change: the strings in `locales/` are compiled in.

fn main() {
    println!("cargo:rerun-if-changed=locales");
}

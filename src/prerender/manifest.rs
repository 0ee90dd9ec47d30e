//! The web manifest (`manifest.webmanifest`) named as the site: the build copies the one in
//! `public/` and this rewrites its `name`, `short_name` and `description` from the bundle's
//! site, keeping every other member as written.

use learnings_core::SiteInfo;
use serde_json::Value;

/// The manifest's file name in the built site.
pub const MANIFEST_FILE: &str = "manifest.webmanifest";

/// `manifest` (JSON text) with the site's title and tagline.
pub fn named_manifest(manifest: &str, site: &SiteInfo) -> Result<String, String> {
    let mut value: Value = serde_json::from_str(manifest).map_err(|e| format!("{MANIFEST_FILE}: {e}"))?;
    let object = value.as_object_mut().ok_or_else(|| format!("{MANIFEST_FILE}: not a JSON object"))?;
    for (key, text) in [("name", &site.title), ("short_name", &site.title), ("description", &site.tagline)] {
        object.insert(key.to_string(), Value::String(text.clone()));
    }
    serde_json::to_string_pretty(&value).map(|text| text + "\n").map_err(|e| format!("{MANIFEST_FILE}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_takes_the_sites_name_and_keeps_the_rest() {
        let site = SiteInfo { title: "Ada's notes".into(), tagline: "Daily tidbits.".into(), ..SiteInfo::default() };
        let written = named_manifest(r#"{"name":"Learnings","display":"standalone"}"#, &site).expect("a manifest");
        let value: Value = serde_json::from_str(&written).expect("JSON");
        assert_eq!(value["name"], "Ada's notes");
        assert_eq!(value["short_name"], "Ada's notes");
        assert_eq!(value["description"], "Daily tidbits.");
        assert_eq!(value["display"], "standalone");
        assert!(named_manifest("[]", &site).is_err());
    }
}

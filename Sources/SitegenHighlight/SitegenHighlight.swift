// SitegenHighlight: build-time syntax highlighting.

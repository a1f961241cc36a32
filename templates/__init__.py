"""The bundled templates, shipped inside the distribution as package data: e-mail (`email/`), the
site (`site/`), the Vietnamese messages (`messages/vi.toml`), the `baocao init` config
(`instance/`) and the demo province (`demo/`). Code finds them through `importlib.resources`
(site_builder.theme), never by a path relative to a source file."""

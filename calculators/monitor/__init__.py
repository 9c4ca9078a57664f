"""Monitor: what a municipality's own doorbraakplannen show together (local, nothing leaves the machine)."""

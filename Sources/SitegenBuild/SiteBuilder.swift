// Placeholder until the build pipeline lands.

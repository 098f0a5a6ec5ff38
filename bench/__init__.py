"""The benchmark of the deploy on the disposable test hosts (see bench/README.md)."""

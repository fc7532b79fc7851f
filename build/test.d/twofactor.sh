# Sourced by build/test.sh. The two-factor tests check TOTP codes computed by an implementation
# independent of the service's: oathtool from Debian's oathtool package. Idempotent.
ensure_commands oathtool:oathtool

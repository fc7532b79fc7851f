namespace AuthPlatform.Application.Tokens;

/// <summary>A freshly generated key pair as it may be stored: public JWK, thumbprint kid, encrypted private key.</summary>
public sealed record NewSigningKeyMaterial(string KeyId, string PublicJwk, byte[] EncryptedPrivateKey, string EncryptionKeyId);

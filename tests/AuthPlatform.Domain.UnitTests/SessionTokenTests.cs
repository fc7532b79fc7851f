using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.Domain.UnitTests;

public sealed class SessionTokenTests
{
    [Fact]
    public void Generated_tokens_carry_256_random_bits_and_do_not_repeat()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(_ => SessionToken.Generate().Value).ToList();

        Assert.All(tokens, t => Assert.Equal(43, t.Length)); // base64url of 32 bytes
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_digest_is_sha256_of_the_token_text()
    {
        var token = SessionToken.Generate();

        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(token.Value)), token.ComputeDigest());
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("has spaces in it and is long enough to pass length")]
    [InlineData("ünïcödé-characters-are-not-part-of-the-alphabet-at-all")]
    [InlineData("semicolons;and=equals;are;not;allowed;in;session;tokens")]
    public void Malformed_text_is_not_a_token(string text) => Assert.False(SessionToken.TryParse(text, out _));

    [Fact]
    public void Tokens_imported_from_betterauth_parse()
    {
        Assert.True(SessionToken.TryParse("AbCdEfGhIjKlMnOpQrStUvWxYz012345", out var token));
        Assert.Equal("AbCdEfGhIjKlMnOpQrStUvWxYz012345", token.Value);
    }

    [Fact]
    public void Oversized_text_is_not_a_token() =>
        Assert.False(SessionToken.TryParse(new string('a', SessionToken.MaxLength + 1), out _));

    [Fact]
    public void ToString_never_reveals_the_secret()
    {
        var token = SessionToken.Generate();

        Assert.DoesNotContain(token.Value, token.ToString(), StringComparison.Ordinal);
    }
}

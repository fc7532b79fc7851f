using AuthPlatform.Application.Common.Results;

namespace AuthPlatform.Application.UnitTests;

/// <summary>Lookups by code and the variants built from entries keep the entry's code and kind.</summary>
public sealed class ErrorCatalogueLookupTests
{
    [Fact]
    public void Find_returns_the_entry_of_each_code()
    {
        Assert.Equal(ErrorCatalogueTests.Definitions.Count, Errors.All.Count);
        Assert.All(ErrorCatalogueTests.Definitions, d => Assert.Same(d.Entry, Errors.Find(d.Entry.Code)));
        Assert.Null(Errors.Find("NotEmptyValidator"));
    }

    [Fact]
    public void A_validation_failure_takes_the_kind_of_its_code()
    {
        var fields = new Dictionary<string, string[]> { ["token"] = ["Invalid token"] };

        Assert.Equal(ErrorKind.Unauthorized, Errors.Validation(fields, "INVALID_TOKEN").Kind);
        Assert.Equal(Errors.ValidationError.Code, Errors.Validation(fields, "NotEmptyValidator").Code);
        Assert.Same(fields, Errors.Validation(fields).FieldErrors);
    }

    [Fact]
    public void Variants_keep_the_code_and_kind_of_their_entry()
    {
        (Error Variant, Error Entry)[] variants =
        [
            (SecurityErrors.TooManyFailedSignIns(TimeSpan.FromSeconds(2.5)), Errors.TooManyRequests),
            (SecondFactorErrors.AccountLocked(TimeSpan.FromSeconds(3)), Errors.AccountTemporarilyLocked),
            (SocialErrors.Callback(SocialErrors.StateMismatch), Errors.ProviderCallback.StateMismatch),
            (SocialErrors.Callback("access_denied"), Errors.ProviderCallback.InvalidCallbackRequest),
            (Errors.InvalidSessionToken("The token is not base64url."), Errors.InvalidToken),
            (Errors.PasswordHashingBusy, Errors.ServiceUnavailable),
            (Errors.StoreUnavailable, Errors.ServiceUnavailable),
            (Errors.SchemaBehindBy(2), Errors.SchemaBehind),
            (Errors.UnsupportedContentType("text/plain"), Errors.UnsupportedMediaType),
        ];

        Assert.All(variants, v => Assert.Equal((v.Entry.Code, v.Entry.Kind), (v.Variant.Code, v.Variant.Kind)));
        Assert.Equal(3, SecurityErrors.TooManyFailedSignIns(TimeSpan.FromSeconds(2.5)).RetryAfterSeconds);
    }
}

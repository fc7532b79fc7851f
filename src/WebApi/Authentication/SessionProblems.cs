using AuthPlatform.WebApi.Http;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Authentication;

/// <summary>get-session's answer to a credential that is not a token of ours: 401 INVALID_TOKEN, with the RFC 6750 challenge for a bearer token.</summary>
public static class SessionProblems
{
    public static IActionResult Malformed(HttpContext context, PresentedCredential credential)
    {
        if (credential.Source == PresentedCredential.BearerSource)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        }

        return ProblemWriter.Result(context, HttpErrors.InvalidToken(credential.Detail));
    }
}

using AuthPlatform.Application.Common.Results;
using AuthPlatform.WebApi.Http;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Authentication;

/// <summary>get-session's answer to a credential that is not a token of ours: 401 INVALID_TOKEN, saying what is wrong with it.</summary>
public static class SessionProblems
{
    public const string InvalidTokenCode = "INVALID_TOKEN";

    public static IActionResult Malformed(HttpContext context, PresentedCredential credential)
    {
        if (credential.Source == PresentedCredential.BearerSource)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        }

        return ProblemWriter.Result(context, new Error(ErrorKind.Unauthorized, InvalidTokenCode, credential.Detail ?? "The session token is malformed."));
    }
}

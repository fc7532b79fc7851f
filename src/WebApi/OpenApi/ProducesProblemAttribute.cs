using AuthPlatform.WebApi.Http;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.OpenApi;

/// <summary>An action can answer <c>status</c> with a problem+json body (<see cref="ProblemResponse"/>).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class ProducesProblemAttribute(int statusCode)
    : ProducesResponseTypeAttribute(typeof(ProblemResponse), statusCode, ProblemResponse.ContentType);

package me.wolfeo.sequences.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import me.wolfeo.sequences.systemtests.HostileRequest.Verdict;

/**
 * One public endpoint as the sweep sees it: a valid request (body fields as JSON literals, query parameters, a
 * path parameter), the rule of each field, the ids that another account owns, and how it authenticates. From it
 * come the hostile requests: each field given each hostile value, whole bodies that are not one JSON object,
 * oversized and wrong headers, another account's ids.
 */
final class Endpoint {

    enum Dialect {
        /** {@code {"success": false, "error": {"code", "message", "details"}}}: /v1 and /admin/v1. */
        REST,
        /** {@code {"message": ..., "errors": {...}}}: /api/v1/webhook. */
        WEBHOOK
    }

    /** A request with an id another account owns, and the same request with an id nobody has. */
    record ForeignIdPair(HostileRequest foreign, HostileRequest missing) {
    }

    static final String MISSING_ID = "987654321987";
    private static final String PATH_PARAMETER = "{id}";
    private static final int HEADER_BYTES = 30 * 1024;
    private static final int BODY_BYTES = 3 * 1024 * 1024;

    private final String method;
    private final String path;
    private final Dialect dialect;
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private final Map<String, String> credentialCases = new LinkedHashMap<>();
    private Map<String, String> body;
    private final Map<String, FieldRule> bodyRules = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, FieldRule> queryRules = new LinkedHashMap<>();
    private String pathValue;
    private final Map<String, String> foreignBodyIds = new LinkedHashMap<>();
    private final Map<String, String> foreignQueryIds = new LinkedHashMap<>();
    private final Map<String, String> missingIds = new LinkedHashMap<>();

    private Endpoint(String method, String path, Dialect dialect) {
        this.method = method;
        this.path = path;
        this.dialect = dialect;
    }

    /** A REST route of an account, with its bearer token. */
    static Endpoint rest(String method, String path, String token) {
        Endpoint endpoint = new Endpoint(method, path, Dialect.REST);
        endpoint.credentials.put("Authorization", "Bearer " + token);
        endpoint.credentialCases.put("no Authorization header", null);
        endpoint.credentialCases.put("Basic authorization", "Basic dXNlcjpwYXNzd29yZA==");
        endpoint.credentialCases.put("Bearer without a token", "Bearer ");
        endpoint.credentialCases.put("an unknown token", "Bearer sq_" + "x".repeat(43));
        endpoint.credentialCases.put("a 300-character token", "Bearer " + "x".repeat(300));
        endpoint.credentialCases.put("the token with a character more", "Bearer " + token + "x");
        return endpoint;
    }

    /** A webhook: the token is a body field ({@code api_token}), swept with the others. */
    static Endpoint webhook(String path) {
        return new Endpoint("POST", path, Dialect.WEBHOOK);
    }

    /** An operator's route, with the admin key. */
    static Endpoint admin(String method, String path, String adminKey) {
        Endpoint endpoint = new Endpoint(method, path, Dialect.REST);
        endpoint.credentials.put("X-Admin-Key", adminKey);
        endpoint.credentialCases.put("no X-Admin-Key", null);
        endpoint.credentialCases.put("a wrong admin key", "adm_wrong");
        endpoint.credentialCases.put("the admin key with a character more", adminKey + "x");
        endpoint.credentialCases.put("a 300-character admin key", "x".repeat(300));
        return endpoint;
    }

    /** A body field: its valid value (a JSON literal) and its rule. */
    Endpoint field(String name, String validJson, FieldRule rule) {
        if (body == null) {
            body = new LinkedHashMap<>();
        }
        body.put(name, validJson);
        bodyRules.put(name, rule);
        return this;
    }

    /** A body field the valid request leaves out; the sweep gives it hostile values. */
    Endpoint absentField(String name, FieldRule rule) {
        if (body == null) {
            body = new LinkedHashMap<>();
        }
        bodyRules.put(name, rule);
        return this;
    }

    Endpoint queryParameter(String name, String validValue, FieldRule rule) {
        query.put(name, validValue);
        queryRules.put(name, rule);
        return this;
    }

    Endpoint absentQueryParameter(String name, FieldRule rule) {
        queryRules.put(name, rule);
        return this;
    }

    /** The value of the path's {@code {id}}; swept with the id rule. */
    Endpoint pathParameter(String validValue) {
        pathValue = validValue;
        return this;
    }

    /** Another account's id for this body field (a JSON literal), and one nobody has. */
    Endpoint foreignId(String field, String foreignJson, String missingJson) {
        foreignBodyIds.put(field, foreignJson);
        missingIds.put(field, missingJson);
        return this;
    }

    Endpoint foreignQueryId(String parameter, String foreignValue) {
        foreignQueryIds.put(parameter, foreignValue);
        missingIds.put(parameter, MISSING_ID);
        return this;
    }

    String name() {
        return method + " " + path;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The valid request every hostile one is made from. */
    HostileRequest valid() {
        return request("the valid request", pathValue, encodedQuery(), body, Verdict.VALID_BY_RULE);
    }

    /** Each field, query parameter and path parameter given each hostile value of its rule. */
    List<HostileRequest> fieldCases(HostileCorpus corpus) {
        List<HostileRequest> cases = new ArrayList<>();
        bodyRules.forEach((field, rule) -> {
            for (HostileValue value : corpus.valuesFor(rule)) {
                Map<String, String> changed = new LinkedHashMap<>(body);
                changed.put(field, value.json());
                cases.add(request(field + " = " + value.label(), pathValue, encodedQuery(), changed,
                        verdict(rule, value.shape())));
            }
        });
        queryRules.forEach((parameter, rule) -> {
            for (HostileValue value : corpus.valuesFor(rule)) {
                cases.add(request("?" + parameter + " = " + value.label(), pathValue,
                        withEncoded(parameter, value.uri()), body, verdict(rule, value.uriShape())));
            }
        });
        if (pathValue != null) {
            for (HostileValue value : corpus.valuesFor(FieldRule.id())) {
                cases.add(request("{id} = " + value.label(), value.uri(), encodedQuery(), body,
                        verdict(FieldRule.id(), value.uriShape())));
            }
        }
        return cases;
    }

    /** Bodies that are not one JSON object of the valid fields; none for a route that reads no body. */
    List<HostileRequest> wholeBodyCases() {
        if (body == null) {
            return List.of();
        }
        String valid = json(body);
        String first = body.keySet().iterator().next();
        List<HostileRequest> cases = new ArrayList<>();
        cases.add(bodyCase("text after the object", valid + " trailing"));
        cases.add(bodyCase("a second object after it", valid + valid));
        cases.add(bodyCase("a key given twice", "{" + Json.quote(first) + ": " + body.get(first) + ", "
                + valid.substring(1)));
        cases.add(bodyCase("an empty body", ""));
        cases.add(bodyCase("a blank body", " \n\t "));
        cases.add(bodyCase("a body that is not JSON", "sequence please"));
        cases.add(bodyCase("a JSON array of the object", "[" + valid + "]"));
        cases.add(bodyCase("a JSON string", "\"" + first + "\""));
        cases.add(bodyCase("a JSON null", "null"));
        cases.add(bodyCase(HostileCorpus.deepNesting().length() / 2 + " nested arrays", HostileCorpus.deepNesting()));
        cases.add(bodyCase("an unterminated object", valid.substring(0, valid.length() - 1)));
        cases.add(withFirstValue("a raw NUL byte in a string", "\"x\u0000y\""));
        cases.add(new HostileRequest("invalid UTF-8 in a string", method, target(pathValue, encodedQuery()),
                headers("application/json"), invalidUtf8(), Verdict.MUST_REFUSE));
        cases.add(HostileRequest.of("a form body as text/plain", method, target(pathValue, encodedQuery()),
                headers("text/plain"), first + "=x", Verdict.MUST_REFUSE));
        cases.add(HostileRequest.of("an XML body as application/xml", method, target(pathValue, encodedQuery()),
                headers("application/xml"), "<request><" + first + ">1</" + first + "></request>",
                Verdict.MUST_REFUSE));
        return cases;
    }

    /** The valid JSON body declared as another type: bodies are read as JSON whatever their declared type. */
    List<HostileRequest> oddButValidBodyCases() {
        if (body == null) {
            return List.of();
        }
        return List.of(HostileRequest.of("the valid body as text/plain", method, target(pathValue, encodedQuery()),
                headers("text/plain"), json(body), Verdict.VALID_BY_RULE),
                HostileRequest.of("the valid body as application/xml", method, target(pathValue, encodedQuery()),
                        headers("application/xml"), json(body), Verdict.VALID_BY_RULE));
    }

    /** Headers and sizes: missing or wrong credentials, an oversized header or body, a bad Idempotency-Key. */
    List<HostileRequest> transportCases() {
        HostileRequest valid = valid();
        List<HostileRequest> cases = new ArrayList<>();
        credentialCases.forEach((label, value) -> {
            String header = credentials.keySet().iterator().next();
            HostileRequest changed = value == null ? valid.withoutHeader(header) : valid.withHeader(header, value);
            cases.add(mustRefuse(changed.labelled(label)));
        });
        cases.add(mustRefuse(valid.withHeader("X-Padding", "p".repeat(HEADER_BYTES)).labelled("a 30 KB header")));
        cases.add(new HostileRequest("a 3 MB body", method, valid.target(), valid.headers(),
                " ".repeat(BODY_BYTES).getBytes(StandardCharsets.US_ASCII), Verdict.MUST_REFUSE));
        if (!method.equals("GET") && !path.startsWith("/admin/")) {
            cases.add(mustRefuse(valid.withHeader("Idempotency-Key", "k".repeat(256))
                    .labelled("a 256-character Idempotency-Key")));
            cases.add(mustRefuse(valid.withHeader("Idempotency-Key", "   ").labelled("a blank Idempotency-Key")));
        }
        return cases;
    }

    /**
     * Control characters in header values: inside and after the credential, which must be refused (401); in an
     * Idempotency-Key, which may hold any 1 to 255 characters, not all blank (README), and is used only through a
     * hash. NUL, a C0 character, DEL, and a C1 character (sent as UTF-8).
     */
    List<HostileRequest> headerControlCharacterCases() {
        HostileRequest valid = valid();
        List<HostileRequest> cases = new ArrayList<>();
        for (char c : new char[]{'\u0000', '\u0001', '\u007f', '\u0085'}) {
            String code = "U+%04X".formatted((int) c);
            credentials.forEach((header, value) -> {
                int middle = value.length() - 10;
                cases.add(mustRefuse(valid.withHeader(header, value.substring(0, middle) + c + value.substring(middle))
                        .labelled(code + " inside " + header)));
                cases.add(mustRefuse(valid.withHeader(header, value + c).labelled(code + " after " + header)));
            });
            if (!method.equals("GET") && !path.startsWith("/admin/")) {
                cases.add(valid.withHeader("Idempotency-Key", "key" + c + System.nanoTime())
                        .labelled(code + " in the Idempotency-Key"));
            }
        }
        return cases;
    }

    /** For each id field, the request with another account's id and the same with an id nobody has. */
    List<ForeignIdPair> foreignIdPairs() {
        List<ForeignIdPair> pairs = new ArrayList<>();
        foreignBodyIds.forEach((field, foreign) -> {
            Map<String, String> withForeign = new LinkedHashMap<>(body);
            withForeign.put(field, foreign);
            Map<String, String> withMissing = new LinkedHashMap<>(body);
            withMissing.put(field, missingIds.get(field));
            pairs.add(new ForeignIdPair(
                    request(field + " of another account", pathValue, encodedQuery(), withForeign, Verdict.MUST_REFUSE),
                    request(field + " nobody has", pathValue, encodedQuery(), withMissing, Verdict.MUST_REFUSE)));
        });
        foreignQueryIds.forEach((parameter, foreign) -> pairs.add(new ForeignIdPair(
                request("?" + parameter + " of another account", pathValue,
                        withEncoded(parameter, HostileValue.percentEncode(foreign)), body, Verdict.MUST_REFUSE),
                request("?" + parameter + " nobody has", pathValue,
                        withEncoded(parameter, HostileValue.percentEncode(missingIds.get(parameter))), body,
                        Verdict.MUST_REFUSE))));
        return pairs;
    }

    private static Verdict verdict(FieldRule rule, HostileValue.Shape shape) {
        return rule.accepts(shape) ? Verdict.VALID_BY_RULE : Verdict.MUST_REFUSE;
    }

    private static HostileRequest mustRefuse(HostileRequest request) {
        return new HostileRequest(request.label(), request.method(), request.target(), request.headers(),
                request.body(), Verdict.MUST_REFUSE);
    }

    private HostileRequest bodyCase(String label, String text) {
        return HostileRequest.of(label, method, target(pathValue, encodedQuery()), headers("application/json"), text,
                Verdict.MUST_REFUSE);
    }

    /** The valid body with its first value replaced by text written as is (a raw byte that JSON forbids). */
    private HostileRequest withFirstValue(String label, String rawJson) {
        Map<String, String> changed = new LinkedHashMap<>(body);
        changed.put(body.keySet().iterator().next(), rawJson);
        return HostileRequest.of(label, method, target(pathValue, encodedQuery()), headers("application/json"),
                json(changed), Verdict.MUST_REFUSE);
    }

    /** The valid body with {@code "\xC3\x28"} (a lead byte without its continuation) as the first value. */
    private byte[] invalidUtf8() {
        Map<String, String> changed = new LinkedHashMap<>(body);
        changed.put(body.keySet().iterator().next(), "\"@@\"");
        byte[] bytes = json(changed).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '@' && bytes[i + 1] == '@') {
                bytes[i] = (byte) 0xC3;
                bytes[i + 1] = (byte) 0x28;
                break;
            }
        }
        return bytes;
    }

    private HostileRequest request(String label, String encodedPathValue, Map<String, String> encodedQuery,
            Map<String, String> bodyFields, Verdict verdict) {
        return HostileRequest.of(label, method, target(encodedPathValue, encodedQuery),
                headers(bodyFields == null ? null : "application/json"), bodyFields == null ? null : json(bodyFields),
                verdict);
    }

    /** The valid query, percent-encoded. */
    private Map<String, String> encodedQuery() {
        Map<String, String> encoded = new LinkedHashMap<>();
        query.forEach((name, value) -> encoded.put(name, HostileValue.percentEncode(value)));
        return encoded;
    }

    /** The valid query with one parameter's value replaced by an already encoded one. */
    private Map<String, String> withEncoded(String parameter, String encoded) {
        Map<String, String> changed = encodedQuery();
        changed.put(parameter, encoded);
        return changed;
    }

    private String target(String encodedPathValue, Map<String, String> encodedQuery) {
        String target = encodedPathValue == null ? path : path.replace(PATH_PARAMETER, encodedPathValue);
        if (encodedQuery.isEmpty()) {
            return target;
        }
        return target + "?" + encodedQuery.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&"));
    }

    private Map<String, String> headers(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>(credentials);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        // One request per connection: every answer ends with its connection, whatever its framing.
        headers.put("Connection", "close");
        return headers;
    }

    private static String json(Map<String, String> fields) {
        return fields.entrySet().stream().map(entry -> Json.quote(entry.getKey()) + ": " + entry.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}

// /docs: Swagger UI (served from the swagger-ui-bundle-v2 package) over this server's OpenAPI document.
// validatorUrl null: Swagger UI would otherwise send the document to an outside validator.
"use strict";
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null, deepLinking: true });

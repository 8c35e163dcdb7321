package io.covenant.identity.web;

import io.covenant.identity.ClientInfo;
import io.covenant.shared.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;

/** The client address and agent of a request. Behind a proxy, configure server.forward-headers-strategy. */
final class Clients {

    private Clients() {}

    static ClientInfo of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return new ClientInfo(
                ClientAddress.of(request), agent == null ? null : agent.substring(0, Math.min(agent.length(), 500)));
    }
}

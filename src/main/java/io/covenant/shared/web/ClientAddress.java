package io.covenant.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request's client address as PostgreSQL's {@code inet} reads it: Jetty writes an IPv6 address in brackets
 * ({@code [0:0:0:0:0:0:0:1]} for a browser on {@code localhost}), which {@code inet} refuses.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address != null
                && address.length() > 2
                && address.charAt(0) == '['
                && address.charAt(address.length() - 1) == ']') {
            return address.substring(1, address.length() - 1);
        }
        return address;
    }
}

package dev.orderflow.common.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The page a list endpoint is asked for ({@code ?page=&size=}), with the bounds every listing has: a list resource
 * takes it as {@code @BeanParam @Valid PageRequest paging}, and answers a {@link Page}.
 */
public class PageRequest {

    @Parameter(description = "Page number, from 0")
    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(100_000)
    public int page;

    @Parameter(description = "Page size")
    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(100)
    public int size;
}

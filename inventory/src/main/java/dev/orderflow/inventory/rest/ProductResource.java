package dev.orderflow.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.PageRequest;
import dev.orderflow.common.rest.QueryParams;
import dev.orderflow.common.security.Roles;
import dev.orderflow.inventory.service.CatalogueService;
import io.smallrye.mutiny.Uni;

@Path("/products")
@Tag(name = "Products", description = "The catalogue and its stock: read by customers and operators, changed by "
        + "operators only")
@RolesAllowed({ Roles.CUSTOMER, Roles.OPERATOR })
public class ProductResource {

    private final CatalogueService catalogue;

    public ProductResource(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(summary = "List products, by sku")
    public Uni<Page<ProductView>> list(
            @Parameter(description = "Only products of this category") @QueryParam("category") @Size(max = 100) String category,
            @Parameter(description = "Only products whose available stock is below their threshold") @QueryParam("lowStock") @DefaultValue("false") boolean lowStock,
            @BeanParam @Valid PageRequest paging) {
        return catalogue.list(QueryParams.nonBlank(category), lowStock, paging.page, paging.size)
                .map(found -> found.map(ProductView::of));
    }

    @GET
    @Path("{sku}")
    @Operation(summary = "Get a product")
    @APIResponse(responseCode = "404", description = "No such product")
    public Uni<ProductView> get(String sku) {
        return catalogue.get(sku).map(ProductView::of);
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Add a product")
    @APIResponse(responseCode = "201", description = "Added; Location names it")
    @APIResponse(responseCode = "409", description = "The sku is taken")
    public Uni<Response> create(@Valid @NotNull NewProduct product, UriInfo uri) {
        return catalogue.create(product).map(ProductView::of)
                .map(created -> Response.created(uri.getAbsolutePathBuilder().path(created.sku()).build()).entity(created)
                        .build());
    }

    @PUT
    @RolesAllowed(Roles.OPERATOR)
    @Path("{sku}")
    @Operation(summary = "Replace a product's description, price and low-stock threshold")
    @APIResponse(responseCode = "404", description = "No such product")
    public Uni<ProductView> update(String sku, @Valid @NotNull ProductUpdate update) {
        return catalogue.update(sku, update).map(ProductView::of);
    }

    @PUT
    @RolesAllowed(Roles.OPERATOR)
    @Path("{sku}/stock")
    @Operation(summary = "Receive stock (positive change) or write it off (negative change)")
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponse(responseCode = "409", description = "The change would leave less than nothing available")
    public Uni<ProductView> changeStock(String sku, @Valid @NotNull StockChange change) {
        return catalogue.changeStock(sku, change).map(ProductView::of);
    }
}

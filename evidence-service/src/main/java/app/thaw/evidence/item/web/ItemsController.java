package app.thaw.evidence.item.web;

import java.util.List;

import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.casefile.EvidenceProperties;
import app.thaw.evidence.item.EvidenceId;
import app.thaw.evidence.item.Items;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CaseWriters;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/evidence")
class ItemsController {

    private final Items items;
    private final EvidenceProperties properties;

    ItemsController(Items items, EvidenceProperties properties) {
        this.items = items;
        this.properties = properties;
    }

    /** A page of items and the cursor for the next one (null at the end). */
    record ItemPage(List<ItemResponse> items, @Nullable String next) {}

    @Operation(summary = "List a case's evidence items, a page at a time (cursor: the last id of the previous page)")
    @GetMapping("/cases/{caseId}/items")
    @CaseWriters
    Mono<ItemPage> list(
            @PathVariable String caseId,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable Integer limit) {
        int size = properties.pageSize().clamp(limit);
        return CurrentCaller.get()
                .flatMap(caller -> items.list(caller, new CaseId(caseId), after, size)
                        .map(ItemResponse::of)
                        .collectList()
                        .map(page -> new ItemPage(
                                page, page.size() < size ? null : page.getLast().id())));
    }

    @Operation(summary = "Read one evidence item (recorded in the custody log as a view)")
    @GetMapping("/items/{id}")
    @CaseWriters
    Mono<ItemResponse> view(@PathVariable String id) {
        return CurrentCaller.get()
                .flatMap(caller -> items.view(caller, new EvidenceId(id)))
                .map(ItemResponse::of);
    }

    @Operation(
            summary =
                    "Delete an item's content (refused under legal hold, for every role); the record stays as a tombstone")
    @DeleteMapping("/items/{id}")
    @AllowedRoles({
        ThawRoles.MERCHANT_ADMIN,
        ThawRoles.STAFF_SUPERVISOR,
        ThawRoles.COMPLIANCE_OFFICER,
        ThawRoles.PLATFORM_ADMIN
    })
    Mono<ItemResponse> delete(@PathVariable String id, @RequestParam(required = false) @Nullable Long version) {
        return CurrentCaller.get()
                .flatMap(caller -> items.delete(caller, new EvidenceId(id), version))
                .map(ItemResponse::of);
    }
}

// The resource-listing block in the page editor: shows only the fields of the
// chosen mode ("Resources I choose" or "The latest ..."). Without JavaScript
// every field shows, and the block's own checks still apply.
(() => {
  const FIELDS_OF_MODE = {
    chosen: ["items"],
    latest: ["tag", "resource_type", "count"],
  };

  class ResourceListingBlockDefinition extends window.wagtailStreamField.blocks
    .StructBlockDefinition {
    render(placeholder, prefix, initialState, initialError) {
      const block = super.render(placeholder, prefix, initialState, initialError);
      const mode = document.getElementById(`${prefix}-mode`);
      const modeField = mode && mode.closest('[data-contentpath="mode"]');
      if (!modeField) return block;
      const container = modeField.parentElement;
      const showFieldsOfMode = () => {
        for (const [name, fields] of Object.entries(FIELDS_OF_MODE)) {
          for (const field of fields) {
            const wrapper = container.querySelector(
              `:scope > [data-contentpath="${field}"]`,
            );
            if (wrapper) wrapper.hidden = mode.value !== name;
          }
        }
      };
      showFieldsOfMode();
      mode.addEventListener("change", showFieldsOfMode);
      return block;
    }
  }

  window.telepath.register(
    "resources.blocks.ResourceListingBlock",
    ResourceListingBlockDefinition,
  );
})();
